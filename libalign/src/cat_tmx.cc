// TMX 1.4 (and 1.1) read into units (cat_file.h).
//   <tmx version="1.4"><header srclang="en-US|*all*"/><body>
//     <tu tuid?> <tuv xml:lang|lang> <seg/> </tuv>+ </tu>*
// The languages are those of the <tuv> elements, 2 or 3 of them, the header's
// srclang first when it names one; a <tu> lacking a language has an empty
// side there (talign's own TMX writes no <tuv> for an omission).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "align/language.h"
#include "cat_xml.h"

namespace align::cat_internal {
namespace {

// A language as the file writes it: the first tag seen for it, where.
struct FileLanguage {
  std::optional<Language> language;  // nullopt: a tag talign does not know
  std::string key;                   // the language's code, or the unknown tag's primary subtag
  std::string tag;
  pugi::xml_node first;
};

class TmxReader {
 public:
  explicit TmxReader(const XmlSource& xml) : xml_(xml), units_(xml) {}

  StatusOr<CatFile> Read() {
    const pugi::xml_node root = xml_.root();
    const pugi::xml_node header = root.find_child([](const pugi::xml_node& n) { return Is(n, {"header"}); });
    const pugi::xml_node body = root.find_child([](const pugi::xml_node& n) { return Is(n, {"body"}); });
    if (!body) return xml_.Error(root, "no <body> element");
    std::string srclang;
    if (header) {
      auto tag = xml_.AttributeText(header, "srclang");
      if (!tag.ok()) return tag.status();
      // "*all*": every language is a source (talign writes it for co-authentic versions).
      if (*tag != "*all*" && !tag->empty()) {
        ALIGN_RETURN_IF_ERROR(CheckLanguageTag(xml_, header, *tag));
        srclang = *tag;
      }
    }
    // Units are read with one text per language seen so far; rows are
    // widened once every language is known.
    std::vector<std::pair<pugi::xml_node, std::vector<std::string>>> read;
    size_t position = 0;
    for (pugi::xml_node tu : body.children()) {
      if (!Is(tu, {"tu"})) continue;
      ++position;
      std::vector<std::string> row;
      for (pugi::xml_node tuv : tu.children()) {
        if (!Is(tuv, {"tuv"})) continue;
        ALIGN_RETURN_IF_ERROR(ReadVariant(tuv, row));
      }
      auto id = xml_.AttributeText(tu, "tuid");
      if (!id.ok()) return id.status();
      read.emplace_back(tu, std::move(row));
      ids_.push_back(id->empty() ? std::to_string(position) : std::move(*id));
    }
    if (languages_.size() != 2 && languages_.size() != 3) {
      std::vector<std::string> tags;
      for (const FileLanguage& l : languages_) tags.push_back(l.tag);
      return xml_.Error(fmt::format("{} language{} ({}); check takes 2 or 3", languages_.size(),
                                    languages_.size() == 1 ? "" : "s", fmt::join(tags, ", ")));
    }
    for (const FileLanguage& l : languages_) {
      if (!l.language) ALIGN_RETURN_IF_ERROR(CheckLanguageTag(xml_, l.first, l.tag));
    }
    // The source first, the others in the order they came.
    std::vector<size_t> order;
    bool source_found = false;
    if (!srclang.empty()) {
      const std::string key(LanguageCode(*ParseLanguage(srclang)));
      for (size_t i = 0; i < languages_.size(); ++i)
        if (languages_[i].key == key) order.push_back(i);
      source_found = !order.empty();
      if (!source_found) {
        warnings_.push_back(fmt::format("{}: srclang {} is none of the languages of the units; the versions are "
                                        "taken as co-authentic",
                                        xml_.Where(header), srclang));
      }
    }
    for (size_t i = 0; i < languages_.size(); ++i)
      if (!source_found || order[0] != i) order.push_back(i);
    CatFile file;
    file.format = "TMX 1.4";
    for (size_t i : order) file.languages.push_back(languages_[i].tag);
    if (source_found) file.source_language = file.languages[0];
    for (size_t u = 0; u < read.size(); ++u) {
      std::vector<std::string>& row = read[u].second;
      row.resize(languages_.size());
      std::vector<std::string> ordered;
      for (size_t i : order) ordered.push_back(std::move(row[i]));
      ALIGN_RETURN_IF_ERROR(units_.Add(read[u].first, std::move(ids_[u]), {std::move(ordered)}));
    }
    file.units = units_.Take();
    file.warnings = std::move(warnings_);
    return file;
  }

 private:
  // The index of |tag|'s language, added when new.
  size_t Index(const std::string& tag, const pugi::xml_node& where) {
    std::optional<Language> language = ParseLanguage(tag);
    if (language == Language::kUnknown) language.reset();
    const std::string key = language ? std::string(LanguageCode(*language)) : PrimaryLanguageSubtag(tag);
    for (size_t i = 0; i < languages_.size(); ++i)
      if (languages_[i].key == key) return i;
    languages_.push_back(FileLanguage{language, key, tag, where});
    return languages_.size() - 1;
  }

  Status ReadVariant(const pugi::xml_node& tuv, std::vector<std::string>& row) {
    // xml:lang in TMX 1.4, lang in 1.1 (AttributeOf ignores the prefix).
    auto tag = xml_.AttributeText(tuv, "lang");
    if (!tag.ok()) return tag.status();
    if (tag->empty()) return xml_.Error(tuv, "<tuv> without xml:lang");
    const size_t index = Index(*tag, tuv);
    if (row.size() <= index) row.resize(index + 1);
    const pugi::xml_node seg = tuv.find_child([](const pugi::xml_node& n) { return Is(n, {"seg"}); });
    if (!seg) return xml_.Error(tuv, "<tuv> without <seg>");
    auto text = xml_.SegmentText(seg);
    if (!text.ok()) return text.status();
    if (text->empty()) return Status::Ok();
    // A second variant of one language (TMX allows them) is not a version.
    if (!row[index].empty()) {
      warnings_.push_back(fmt::format("{}: a second <tuv> in {}; only the first is checked", xml_.Where(tuv), *tag));
      return Status::Ok();
    }
    row[index] = std::move(*text);
    return Status::Ok();
  }

  const XmlSource& xml_;
  UnitList units_;
  std::vector<FileLanguage> languages_;
  std::vector<std::string> ids_;
  std::vector<std::string> warnings_;
};

}  // namespace

StatusOr<CatFile> ReadTmx(const XmlSource& xml) { return TmxReader(xml).Read(); }

}  // namespace align::cat_internal
