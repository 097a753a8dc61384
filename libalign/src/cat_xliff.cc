// XLIFF 1.2 (and 1.0, 1.1) and XLIFF 2.x read into units (cat_file.h).
//   1.2  <xliff version="1.2"><file source-language target-language original>
//          <body> (<group>)* <trans-unit id> <source/> <target/>?
//   2.x  <xliff version="2.0" srcLang trgLang><file id> (<group>)*
//          <unit id> (<segment> <source/> <target/>? | <ignorable>)+
// Only <source> and <target> that are children of the unit (or segment) are
// read: <alt-trans> proposals and <seg-source> are not the translation.
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "align/language.h"
#include "cat_xml.h"

namespace align::cat_internal {
namespace {

bool Untranslatable(const pugi::xml_node& node) { return std::string_view(AttributeOf(node, "translate").value()) == "no"; }

// The language pair of a 1.x <file> or of a 2.x <xliff>.
struct LanguagePair {
  std::string source, target;
};

StatusOr<LanguagePair> PairOf(const XmlSource& xml, const pugi::xml_node& node, std::string_view source_attribute,
                              std::string_view target_attribute) {
  LanguagePair pair;
  auto source = xml.AttributeText(node, source_attribute);
  if (!source.ok()) return source.status();
  auto target = xml.AttributeText(node, target_attribute);
  if (!target.ok()) return target.status();
  if (source->empty()) return xml.Error(node, fmt::format("<{}> has no {}", node.name(), source_attribute));
  if (target->empty()) {
    return xml.Error(node, fmt::format("<{}> has no {}: check needs the language of the translations",
                                       node.name(), target_attribute));
  }
  ALIGN_RETURN_IF_ERROR(CheckLanguageTag(xml, node, *source));
  ALIGN_RETURN_IF_ERROR(CheckLanguageTag(xml, node, *target));
  if (ParseLanguage(*source) == ParseLanguage(*target)) {
    return xml.Error(node, fmt::format("source and target are both {} ({} and {}): check compares versions in "
                                       "different languages",
                                       LanguageCode(*ParseLanguage(*source)), *source, *target));
  }
  return LanguagePair{std::move(*source), std::move(*target)};
}

class XliffReader {
 public:
  XliffReader(const XmlSource& xml, bool v2) : xml_(xml), v2_(v2), units_(xml) {}

  StatusOr<CatFile> Read() {
    const pugi::xml_node root = xml_.root();
    std::vector<pugi::xml_node> files;
    for (pugi::xml_node f : root.children())
      if (Is(f, {"file"})) files.push_back(f);
    if (files.empty()) return xml_.Error(root, "no <file> element");
    if (v2_) {
      auto pair = PairOf(xml_, root, "srcLang", "trgLang");
      if (!pair.ok()) return pair.status();
      pair_ = std::move(*pair);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      if (!v2_) ALIGN_RETURN_IF_ERROR(FilePair(files[i], i == 0));
      std::string prefix;
      if (files.size() > 1) {
        auto name = xml_.AttributeText(files[i], v2_ ? "id" : "original");
        if (!name.ok()) return name.status();
        prefix = (name->empty() ? std::to_string(i + 1) : *name) + "/";
      }
      ALIGN_RETURN_IF_ERROR(ReadUnits(files[i], prefix));
    }
    CatFile file;
    file.languages = {pair_.source, pair_.target};
    file.source_language = pair_.source;
    file.units = units_.Take();
    return file;
  }

 private:
  // Every <file> of a 1.x document names its pair; one pair per check.
  Status FilePair(const pugi::xml_node& file, bool first) {
    auto pair = PairOf(xml_, file, "source-language", "target-language");
    if (!pair.ok()) return pair.status();
    if (first) {
      pair_ = std::move(*pair);
    } else if (ParseLanguage(pair->source) != ParseLanguage(pair_.source) ||
               ParseLanguage(pair->target) != ParseLanguage(pair_.target)) {
      return xml_.Error(file, fmt::format("this <file> is {} to {}, the first was {} to {}: check takes one "
                                          "language pair",
                                          pair->source, pair->target, pair_.source, pair_.target));
    }
    return Status::Ok();
  }

  // The units under |file|, through any depth of <body> and <group>, without
  // recursion; a group or unit marked translate="no" is left out.
  Status ReadUnits(const pugi::xml_node& file, const std::string& prefix) {
    pugi::xml_node cur = file.first_child();
    while (cur) {
      if (Is(cur, {v2_ ? "unit" : "trans-unit"})) {
        if (!Untranslatable(cur)) ALIGN_RETURN_IF_ERROR(ReadUnit(cur, prefix));
      } else if (Is(cur, {"body", "group"}) && !Untranslatable(cur) && cur.first_child()) {
        cur = cur.first_child();
        continue;
      }
      while (cur && cur != file && !cur.next_sibling()) cur = cur.parent();
      if (!cur || cur == file) break;
      cur = cur.next_sibling();
    }
    return Status::Ok();
  }

  Status ReadUnit(const pugi::xml_node& unit, const std::string& prefix) {
    auto id = xml_.AttributeText(unit, "id");
    if (!id.ok()) return id.status();
    if (id->empty()) return xml_.Error(unit, fmt::format("{} without id", LocalName(unit)));
    std::vector<std::vector<std::string>> segments;
    if (v2_) {
      for (pugi::xml_node segment : unit.children()) {
        if (!Is(segment, {"segment"})) continue;
        auto pair = ReadPair(segment);
        if (!pair.ok()) return pair.status();
        segments.push_back(std::move(*pair));
      }
    } else {
      auto pair = ReadPair(unit);
      if (!pair.ok()) return pair.status();
      segments.push_back(std::move(*pair));
    }
    return units_.Add(unit, prefix + *id, std::move(segments));
  }

  // The texts of the <source> and <target> children of |holder| (empty
  // where there is none).
  StatusOr<std::vector<std::string>> ReadPair(const pugi::xml_node& holder) {
    std::vector<std::string> pair(2);
    for (size_t side = 0; side < 2; ++side) {
      const pugi::xml_node element = holder.find_child([side](const pugi::xml_node& n) {
        return Is(n, {side == 0 ? "source" : "target"});
      });
      if (!element) continue;
      auto text = xml_.SegmentText(element);
      if (!text.ok()) return text.status();
      pair[side] = std::move(*text);
    }
    return pair;
  }

  const XmlSource& xml_;
  const bool v2_;
  UnitList units_;
  LanguagePair pair_;
};

}  // namespace

StatusOr<CatFile> ReadXliff(const XmlSource& xml) {
  const pugi::xml_node root = xml.root();
  std::string_view version = root.attribute("version").value();
  // Without a version, the namespace tells (urn:oasis:names:tc:xliff:document:2.0).
  if (version.empty()) version = std::string_view(AttributeOf(root, "xmlns").value()).ends_with(":2.0") ? "2.0" : "1.2";
  if (!version.starts_with("1.") && !version.starts_with("2.")) {
    return xml.Error(root, fmt::format("XLIFF version '{}' is not supported (1.2 or 2.x)", version));
  }
  auto file = XliffReader(xml, version.starts_with("2.")).Read();
  if (file.ok()) file->format = fmt::format("XLIFF {}", version);
  return file;
}

}  // namespace align::cat_internal
