// Internal: what the XLIFF and TMX readers (cat_xliff.cc, cat_tmx.cc) share.
// The file parsed once by pugixml, positions for messages, segment text with
// inline markup dropped, and the units collected with their ids checked.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "align/cat_file.h"
#include "align/status.h"

namespace align::cat_internal {

// The local name of an element (namespace prefixes do not matter) and
// whether it is one of |names|.
std::string_view LocalName(const pugi::xml_node& node);
bool Is(const pugi::xml_node& node, std::initializer_list<std::string_view> names);
// The attribute whose local name is |name| (xml:lang, lang, a prefixed one).
pugi::xml_attribute AttributeOf(const pugi::xml_node& node, std::string_view name);

class XmlSource {
 public:
  // |bytes| from the document's content (after a BOM); |name| for messages.
  XmlSource(std::string name, std::string_view bytes);
  // Parses without expanding any entity: a DOCTYPE that declares one is
  // refused, as the TBX reader refuses it (lexicon_tbx.cc).
  Status Parse();
  pugi::xml_node root() const { return doc_.document_element(); }

  const std::string& name() const { return name_; }
  uint32_t LineOf(size_t offset) const;
  uint32_t LineOf(const pugi::xml_node& node) const;
  // kDataError "NAME:LINE: message" at |node|; "NAME: message" without one.
  Status Error(const pugi::xml_node& node, std::string_view message) const;
  Status Error(std::string_view message) const;
  std::string Where(const pugi::xml_node& node) const;  // "NAME:LINE"

  // The text of a segment element (<source>, <target>, <seg>): text of
  // inline elements kept, native code (<ph>, <bpt>, <ept>, <it>, <ut>) and
  // empty placeholders dropped, references decoded, white space collapsed.
  // Errors at a reference to no character or a control character.
  StatusOr<std::string> SegmentText(const pugi::xml_node& segment) const;
  // An attribute's value decoded (ids, language tags); errors as SegmentText.
  StatusOr<std::string> AttributeText(const pugi::xml_node& element, std::string_view attribute) const;

 private:
  std::string name_;
  std::string_view bytes_;
  std::vector<size_t> line_starts_;
  pugi::xml_document doc_;
};

// Collects units and refuses a duplicate id, naming where the first was.
class UnitList {
 public:
  explicit UnitList(const XmlSource& source) : source_(source) {}
  // |id| already made (file prefix, position); |segments| as CatUnit has them.
  Status Add(const pugi::xml_node& unit, std::string id, std::vector<std::vector<std::string>> segments);
  std::vector<CatUnit> Take() { return std::move(units_); }
  size_t size() const { return units_.size(); }

 private:
  const XmlSource& source_;
  std::vector<CatUnit> units_;
  std::map<std::string, uint32_t, std::less<>> lines_;  // id -> line of its first unit
};

// Reads XLIFF (1.x, 2.x) or TMX once SniffInput has told which.
StatusOr<CatFile> ReadXliff(const XmlSource& source);
StatusOr<CatFile> ReadTmx(const XmlSource& source);

// The language tag |tag| (read at |node|) as talign knows it; an error that
// names the known languages otherwise.
Status CheckLanguageTag(const XmlSource& source, const pugi::xml_node& node, std::string_view tag);

}  // namespace align::cat_internal
