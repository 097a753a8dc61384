// The shared part of the CAT-file readers (cat_xml.h): parsing without
// entities, positions, segment text and unit ids.
#include "cat_xml.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "align/language.h"
#include "lexicon_text.h"
#include "xml_text.h"

namespace align::cat_internal {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of XML white space become one space, none at the ends: a segment is
// one line, as CAT tools show it, however the file was indented.
std::string Collapse(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Inline elements whose content is the native code of the original format
// (XLIFF 1.2 <ph>, <bpt>, <ept>, <it>; TMX also <ut>), not text to
// translate: "<ph>&lt;br/&gt;</ph>" or "{0}" would be compared as words and
// numbers. Their <sub> flows are dropped with them.
bool IsNativeCode(const pugi::xml_node& node) { return Is(node, {"ph", "bpt", "ept", "it", "ut"}); }

}  // namespace

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool Is(const pugi::xml_node& node, std::initializer_list<std::string_view> names) {
  if (node.type() != pugi::node_element) return false;
  return std::find(names.begin(), names.end(), LocalName(node)) != names.end();
}

pugi::xml_attribute AttributeOf(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view full = a.name();
    size_t colon = full.find(':');
    if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return a;
  }
  return {};
}

XmlSource::XmlSource(std::string name, std::string_view bytes) : name_(std::move(name)), bytes_(bytes) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < bytes_.size(); ++i) {
    // CR LF, LF and a lone CR each end a line.
    if (bytes_[i] == '\n' || (bytes_[i] == '\r' && (i + 1 == bytes_.size() || bytes_[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

Status XmlSource::Parse() {
  // No parse_escapes: references are decoded by AppendDecoded, which refuses
  // those that name no character (pugixml would cut the text at &#0;).
  const unsigned options = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_doctype;
  pugi::xml_parse_result result = doc_.load_buffer(bytes_.data(), bytes_.size(), options, pugi::encoding_utf8);
  if (!result) {
    return DataError(fmt::format("{}:{}: malformed XML: {}", name_, LineOf(static_cast<size_t>(result.offset)),
                                 result.description()));
  }
  for (pugi::xml_node n : doc_.children()) {
    if (n.type() != pugi::node_doctype) continue;
    const size_t entity = std::string_view(n.value()).find("<!ENTITY");
    if (entity != std::string_view::npos) {
      return DataError(fmt::format("{}:{}: the document type declares an entity (<!ENTITY ...>); files with "
                                   "entity declarations are refused, since expanding them can exhaust memory or "
                                   "read other files",
                                   name_, LineOf(static_cast<size_t>(std::max<ptrdiff_t>(0, n.offset_debug())) + entity)));
    }
  }
  if (!root()) return Error("no root element");
  return Status::Ok();
}

uint32_t XmlSource::LineOf(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t XmlSource::LineOf(const pugi::xml_node& node) const {
  const ptrdiff_t offset = node.offset_debug();
  return offset < 0 ? 1 : LineOf(static_cast<size_t>(offset));
}

std::string XmlSource::Where(const pugi::xml_node& node) const {
  return fmt::format("{}:{}", name_, LineOf(node));
}

Status XmlSource::Error(const pugi::xml_node& node, std::string_view message) const {
  return DataError(fmt::format("{}: {}", Where(node), message));
}

Status XmlSource::Error(std::string_view message) const { return DataError(fmt::format("{}: {}", name_, message)); }

StatusOr<std::string> XmlSource::SegmentText(const pugi::xml_node& segment) const {
  std::string raw;
  // Without recursion: the nesting depth of inline elements is the file's.
  pugi::xml_node cur = segment.first_child();
  while (cur) {
    if (cur.type() == pugi::node_cdata) raw += cur.value();
    if (cur.type() == pugi::node_pcdata) {
      if (std::optional<internal::BadReference> bad = internal::AppendDecoded(cur.value(), raw)) {
        const ptrdiff_t at = cur.offset_debug();
        return DataError(fmt::format("{}:{}: {}", name_, at < 0 ? LineOf(segment) : LineOf(at + bad->offset),
                                     bad->message));
      }
    }
    if (cur.first_child() && !IsNativeCode(cur)) {
      cur = cur.first_child();
      continue;
    }
    while (cur && cur != segment && !cur.next_sibling()) cur = cur.parent();
    if (!cur || cur == segment) break;
    cur = cur.next_sibling();
  }
  std::string text = Collapse(raw);
  if (std::optional<BadCharacter> bad = FindBadCharacter(text, /*allow_tab=*/true)) {
    return Error(segment, fmt::format("<{}> contains {}", segment.name(), bad->description));
  }
  return text;
}

StatusOr<std::string> XmlSource::AttributeText(const pugi::xml_node& element, std::string_view attribute) const {
  const pugi::xml_attribute a = AttributeOf(element, attribute);
  std::string raw;
  if (std::optional<internal::BadReference> bad = internal::AppendDecoded(a.value(), raw)) {
    return Error(element, fmt::format("{} (in the {} attribute)", bad->message, attribute));
  }
  std::string text = Collapse(raw);
  if (std::optional<BadCharacter> bad = FindBadCharacter(text, /*allow_tab=*/false)) {
    return Error(element, fmt::format("the {} attribute contains {}", attribute, bad->description));
  }
  return text;
}

Status UnitList::Add(const pugi::xml_node& unit, std::string id, std::vector<std::vector<std::string>> segments) {
  const uint32_t line = source_.LineOf(unit);
  auto [first, fresh] = lines_.try_emplace(id, line);
  if (!fresh) {
    return source_.Error(unit, fmt::format("duplicate id '{}' (first at line {})", id, first->second));
  }
  units_.push_back(CatUnit{std::move(id), line, std::move(segments)});
  return Status::Ok();
}

Status CheckLanguageTag(const XmlSource& source, const pugi::xml_node& node, std::string_view tag) {
  std::optional<Language> language = ParseLanguage(tag);
  if (language && *language != Language::kUnknown) return Status::Ok();
  return source.Error(node, fmt::format("unknown language tag '{}' (talign knows {}, and BCP 47 variants such as "
                                        "zh-Hans or ur-PK)",
                                        tag, Languages().Codes()));
}

}  // namespace align::cat_internal
