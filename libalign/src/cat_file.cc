// ReadCatFile (cat_file.h): the format told by SniffInput, then the XLIFF or
// TMX reader; what every format must give is checked here.
#include "align/cat_file.h"

#include <fmt/format.h>

#include "align/language.h"
#include "cat_xml.h"

namespace align {

StatusOr<CatFile> ReadCatFile(const Document& doc) {
  ALIGN_RETURN_IF_ERROR(LoadLanguages());
  const InputKind kind = SniffInput(doc.bytes());
  if (kind != InputKind::kXliff && kind != InputKind::kTmx) {
    return DataError(fmt::format("{}: not an XLIFF or TMX file (it reads as {})", doc.name(), InputKindName(kind)));
  }
  cat_internal::XmlSource xml(doc.name(), doc.bytes().substr(doc.content_begin()));
  ALIGN_RETURN_IF_ERROR(xml.Parse());
  auto file = kind == InputKind::kXliff ? cat_internal::ReadXliff(xml) : cat_internal::ReadTmx(xml);
  if (!file.ok()) return file.status();
  bool any = false;
  for (const CatUnit& u : file->units)
    for (const auto& segment : u.segments)
      for (const std::string& text : segment) any = any || !text.empty();
  if (!any) return xml.Error(fmt::format("no translation unit with text ({})", file->format));
  return file;
}

}  // namespace align
