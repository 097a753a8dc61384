// TBX (ISO 30042) reading and writing.
//
// One walk reads every shape, by local name (so namespace prefixes and the
// ed-2 / ed:3.0 namespaces do not matter):
//   root      martif (v2) | tbx (v3) | TBX (TBX-Min 2014), then text/body or body
//   concept   termEntry (v2) | conceptEntry (v3, TBX-Min) | entry (TBX-Min)
//   language  langSet (v2) | langSec (v3) | langGroup (TBX-Min), xml:lang
//   term      tig | ntig (term inside termGrp) | termSec | termGroup
// Status: termNote type="administrativeStatus" or "normativeAuthorization",
// or an element of that name (DCT style, TBX-Min) or termStatus (TBX-Min);
// values through ParseStatusVocabulary. Kept as the term's note: <note>
// elements and usageNote (termNote/descrip type="usageNote", or the element),
// in that order, joined by "; ". The concept's kind (lexicon.h, ConceptKind):
// <descrip type="conceptKind"> in the entry or its descripGrp, or a
// <conceptKind> element (DCT style). Other data categories are not kept.
//
// pugixml builds the DOM without ever expanding entities; a document type
// declaration that declares any entity is refused outright, so neither an
// entity bomb nor an external entity gets further than the prolog. It does
// not decode character references either: we do (AppendDecoded), so that
// every text is checked by CheckTermbaseText as it will be kept.
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "align/resources.h"
#include "lexicon_builder.h"
#include "lexicon_text.h"
#include "cat_xml.h"
#include "utf8.h"
#include "xml_text.h"

namespace align {
namespace {

// Element names without their namespace prefix, as the CAT-file readers match them.
using cat_internal::Is;
using cat_internal::LocalName;

using internal::AppendDecoded;
using internal::BadReference;

class TbxReader {
 public:
  TbxReader(std::string_view bytes, LexiconBuilder& builder) : bytes_(bytes), b_(builder) {}

  void Read() {
    pugi::xml_document doc;
    // No parse_escapes: references are decoded by AppendDecoded. No
    // parse_eol either, so that a text node holds its bytes exactly as they
    // are in the file and a bad reference can be pointed at (CollapseSpace
    // turns CR into a space like any other line break).
    const unsigned options =
        ((pugi::parse_default & ~pugi::parse_escapes) & ~pugi::parse_eol) | pugi::parse_doctype |
        pugi::parse_declaration;
    pugi::xml_parse_result result =
        doc.load_buffer(bytes_.data(), bytes_.size(), options, pugi::encoding_utf8);
    if (!result) {
      LineIndex::Position p = b_.PositionOf(static_cast<size_t>(result.offset));
      b_.Error(p.line, p.column, fmt::format("malformed XML: {}", result.description()));
      return;
    }
    for (pugi::xml_node n : doc.children()) {
      if (n.type() == pugi::node_declaration) {
        std::string_view enc = n.attribute("encoding").value();
        std::string lower;
        for (char c : enc) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (!enc.empty() && lower != "utf-8" && lower != "utf8") {
          Error(n, fmt::format("encoding '{}' is not supported; termbases must be UTF-8", enc));
          return;
        }
      } else if (n.type() == pugi::node_doctype) {
        std::string_view subset = n.value();
        size_t entity = subset.find("<!ENTITY");
        if (entity != std::string_view::npos) {
          LineIndex::Position p =
              b_.PositionOf(static_cast<size_t>(n.offset_debug()) + entity);
          b_.Error(p.line, p.column,
                   "the document type declares an entity (<!ENTITY ...>); termbases with entity "
                   "declarations are refused, since expanding them can exhaust memory or read "
                   "other files");
          return;
        }
      }
    }
    pugi::xml_node root = doc.document_element();
    if (!Is(root, {"martif", "tbx", "TBX"})) {
      Error(root, fmt::format("not a TBX file: the root element is <{}> (expected <tbx>, "
                              "<martif> or TBX-Min's <TBX>)",
                              root.name()));
      return;
    }
    pugi::xml_node body;
    for (pugi::xml_node child : root.children()) {
      if (Is(child, {"text"})) {
        for (pugi::xml_node c : child.children())
          if (Is(c, {"body"})) body = c;
      } else if (Is(child, {"body"})) {
        body = child;
      }
    }
    if (!body) {
      Error(root, fmt::format("<{}> has no <text><body> (or TBX-Min <body>) with entries",
                              root.name()));
      return;
    }
    for (pugi::xml_node entry : body.children()) {
      if (entry.type() != pugi::node_element) continue;
      if (Is(entry, {"termEntry", "conceptEntry", "entry"}))
        ReadConcept(entry);
      else
        Warning(entry, fmt::format("<{}> in <body> is not a concept entry; ignored", entry.name()));
    }
  }

 private:
  LineIndex::Position Where(const pugi::xml_node& node) const {
    ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {1, 1};
    // An element's offset is that of its name; point at its '<' (or "<?").
    if (node.type() == pugi::node_element && offset >= 1) offset -= 1;
    if (node.type() == pugi::node_declaration && offset >= 2) offset -= 2;
    return b_.PositionOf(static_cast<size_t>(offset));
  }
  void Error(const pugi::xml_node& node, std::string message) {
    LineIndex::Position p = Where(node);
    b_.Error(p.line, p.column, std::move(message));
  }
  void Warning(const pugi::xml_node& node, std::string message) {
    LineIndex::Position p = Where(node);
    b_.Warning(p.line, p.column, std::move(message));
  }

  // All the text inside |node| with references decoded and white space
  // collapsed, without recursion (depth is up to the file); nullopt after
  // reporting a reference that names no character.
  std::optional<std::string> TextOf(const pugi::xml_node& node) {
    std::string out;
    pugi::xml_node cur = node.first_child();
    while (cur) {
      if (cur.type() == pugi::node_cdata) out += cur.value();
      if (cur.type() == pugi::node_pcdata) {
        if (std::optional<BadReference> bad = AppendDecoded(cur.value(), out)) {
          ptrdiff_t offset = cur.offset_debug();
          LineIndex::Position p =
              offset < 0 ? Where(node) : b_.PositionOf(static_cast<size_t>(offset) + bad->offset);
          b_.Error(p.line, p.column, std::move(bad->message));
          return std::nullopt;
        }
      }
      if (cur.first_child()) {
        cur = cur.first_child();
        continue;
      }
      while (cur && cur != node && !cur.next_sibling()) cur = cur.parent();
      if (!cur || cur == node) break;
      cur = cur.next_sibling();
    }
    return CollapseSpace(out);
  }

  // An attribute of |element|, decoded and collapsed like TextOf; errors
  // point at the element (pugixml keeps no position for attributes).
  std::optional<std::string> AttributeText(const pugi::xml_node& element,
                                           const pugi::xml_attribute& attribute) {
    std::string out;
    if (std::optional<BadReference> bad = AppendDecoded(attribute.value(), out)) {
      Error(element, fmt::format("{} (in the {} attribute)", bad->message, attribute.name()));
      return std::nullopt;
    }
    return CollapseSpace(out);
  }

  // Reports at |node| what CheckTermbaseText finds in |text|; false if anything.
  bool Valid(const pugi::xml_node& node, std::string_view text, TermbaseField field) {
    std::optional<TextProblem> problem = CheckTermbaseText(text, field);
    if (!problem) return true;
    Error(node, std::move(problem->message));
    return false;
  }

  void ReadConcept(const pugi::xml_node& entry) {
    std::optional<std::string> id = AttributeText(entry, entry.attribute("id"));
    if (id && id->empty()) id = AttributeText(entry, entry.attribute("xml:id"));
    if (!id) return;
    LineIndex::Position where = Where(entry);
    if (id->empty()) {
      *id = fmt::format("{}-line{}", LocalName(entry), where.line);
      Warning(entry, fmt::format("<{}> has no id; it is called '{}'", entry.name(), *id));
    } else if (!Valid(entry, *id, TermbaseField::kConceptId)) {
      return;
    }
    ReadConceptWithId(entry, *id, where);
  }

  void ReadConceptWithId(const pugi::xml_node& entry, const std::string& id,
                         LineIndex::Position where) {
    auto [first, fresh] = ids_.try_emplace(id, where.line);
    if (!fresh) {
      Error(entry, fmt::format("duplicate concept id '{}' (first at line {})", id, first->second));
      return;
    }
    ReadKind(entry, id);
    std::optional<uint32_t> concept_index;  // created with its first term
    for (pugi::xml_node lang : entry.children()) {
      if (!Is(lang, {"langSet", "langSec", "langGroup"})) continue;
      pugi::xml_attribute tag_attr = lang.attribute("xml:lang");
      if (!tag_attr) tag_attr = lang.attribute("lang");
      std::optional<std::string> decoded_tag = AttributeText(lang, tag_attr);
      if (!decoded_tag) continue;
      const std::string& tag = *decoded_tag;
      if (tag.empty()) {
        Error(lang, fmt::format("<{}> has no language tag (xml:lang)", lang.name()));
        continue;
      }
      if (!Valid(lang, tag, TermbaseField::kLanguage)) continue;
      TermbaseLanguage read = ReadTermbaseLanguage(tag);
      if (!read.error.empty()) {
        Error(lang, read.error);
        continue;
      }
      std::optional<Language> language = read.language;
      std::vector<pugi::xml_node> holders;
      for (pugi::xml_node h : lang.children())
        if (Is(h, {"tig", "ntig", "termSec", "termGroup"})) holders.push_back(h);
      if (!language) {
        LineIndex::Position p = Where(lang);
        b_.SkipLanguage(tag, p.line, p.column, holders.size());
        continue;
      }
      if (holders.empty()) Warning(lang, fmt::format("<{}> '{}' has no terms", lang.name(), tag));
      for (const pugi::xml_node& h : holders) {
        if (!concept_index) concept_index = b_.AddConcept(id, where.line, where.column);
        ReadTerm(h, *concept_index, *language);
      }
    }
  }

  // Every kind the entry states (two that differ are an error, reported by
  // the builder); empty text states none.
  void ReadKind(const pugi::xml_node& entry, const std::string& id) {
    std::vector<pugi::xml_node> scopes{entry};
    for (pugi::xml_node c : entry.children())
      if (Is(c, {"descripGrp"})) scopes.push_back(c);
    for (const pugi::xml_node& scope : scopes) {
      for (pugi::xml_node c : scope.children()) {
        const bool is_kind = (Is(c, {"descrip"}) && std::string_view(c.attribute("type").value()) == "conceptKind") ||
                             Is(c, {"conceptKind"});
        if (!is_kind) continue;
        std::optional<std::string> text = TextOf(c);
        if (!text || text->empty() || !Valid(c, *text, TermbaseField::kKind)) continue;
        std::optional<ConceptKind> kind = ParseConceptKind(*text);
        if (!kind) {
          Error(c, fmt::format("unknown concept kind '{}' (expected term, name or title)", *text));
          continue;
        }
        LineIndex::Position p = Where(c);
        b_.StateKind(id, *kind, p.line, p.column);
      }
    }
  }

  void ReadTerm(const pugi::xml_node& holder, uint32_t concept_index, Language language) {
    // ntig keeps term and termNotes in a termGrp; v3 may group notes in termNoteGrp.
    std::vector<pugi::xml_node> scopes{holder};
    for (pugi::xml_node c : holder.children())
      if (Is(c, {"termGrp", "termNoteGrp"})) scopes.push_back(c);
    pugi::xml_node term;
    std::optional<TermStatus> status;
    pugi::xml_node status_node;
    std::vector<std::string> notes, usage;
    bool ok = true;
    for (const pugi::xml_node& scope : scopes) {
      for (pugi::xml_node c : scope.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view local = LocalName(c);
        std::string_view type = c.attribute("type").value();
        if (local == "term") {
          if (!term) term = c;
          continue;
        }
        bool is_status =
            ((local == "termNote" || local == "descrip") &&
             (type == "administrativeStatus" || type == "normativeAuthorization")) ||
            local == "administrativeStatus" || local == "normativeAuthorization" ||
            local == "termStatus";
        if (is_status) {
          std::optional<std::string> decoded = TextOf(c);
          if (!decoded || !Valid(c, *decoded, TermbaseField::kStatus)) {
            ok = false;
            continue;
          }
          const std::string& value = *decoded;
          std::optional<TermStatus> parsed = ParseStatusVocabulary(value);
          if (!parsed) {
            Error(c, fmt::format("unknown status '{}' (expected preferredTerm-admn-sts, "
                                 "admittedTerm-admn-sts, deprecatedTerm-admn-sts, "
                                 "supersededTerm-admn-sts or a known variant)",
                                 value));
            ok = false;
          } else if (!status) {
            status = parsed;
            status_node = c;
          } else if (*status != *parsed) {
            Warning(c, fmt::format("second status '{}' contradicts the first ({}); the first is used",
                                   value, TermStatusName(*status)));
          }
        } else if (local == "note" || local == "usageNote" ||
                   ((local == "termNote" || local == "descrip") && type == "usageNote")) {
          std::optional<std::string> text = TextOf(c);
          if (!text || !Valid(c, *text, TermbaseField::kNote)) {
            ok = false;
            continue;
          }
          if (!text->empty()) (local == "note" ? notes : usage).push_back(std::move(*text));
        }
      }
    }
    if (!term) {
      Error(holder, fmt::format("<{}> has no <term>", holder.name()));
      return;
    }
    std::optional<std::string> decoded = TextOf(term);
    if (!decoded) return;
    std::string text = std::move(*decoded);
    if (text.empty()) {
      Error(term, "empty term");
      return;
    }
    if (!Valid(term, text, TermbaseField::kTerm) || !ok) return;
    notes.insert(notes.end(), usage.begin(), usage.end());
    LineIndex::Position p = Where(term);
    b_.AddTerm(concept_index, language, std::move(text), status.value_or(TermStatus::kAdmitted),
               fmt::format("{}", fmt::join(notes, "; ")), p.line, p.column);
  }

  std::string_view bytes_;
  LexiconBuilder& b_;
  // Every entry id with its line, including entries that end up without terms
  // (all in other languages), so a reused id is reported either way.
  std::unordered_map<std::string, uint32_t> ids_;
};

std::string_view AdministrativeStatus(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred: return "preferredTerm-admn-sts";
    case TermStatus::kAdmitted: return "admittedTerm-admn-sts";
    case TermStatus::kDeprecated: return "deprecatedTerm-admn-sts";
    case TermStatus::kSuperseded: return "supersededTerm-admn-sts";
  }
  return "admittedTerm-admn-sts";
}

// pugixml writes into any sink through this interface.
class OstreamWriter : public pugi::xml_writer {
 public:
  explicit OstreamWriter(std::ostream& out) : out_(out) {}
  void write(const void* data, size_t size) override {
    out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  }

 private:
  std::ostream& out_;
};

}  // namespace

void ReadTbx(std::string_view bytes, LexiconBuilder& builder) { TbxReader(bytes, builder).Read(); }

Status Lexicon::WriteTbx(std::ostream& out, int version) const {
  if (version != 2 && version != 3)
    return InvalidArgument(fmt::format("TBX version {} cannot be written (2 or 3)", version));
  // v3 (ISO 30042:2019) and v2 (ISO 30042:2008, "martif") hold the same
  // TBX-Basic data under other names: conceptEntry/langSec/termSec against
  // termEntry/langSet/tig. Readers that predate v3 (translate-toolkit, older
  // CAT tools) know only v2.
  const bool v3 = version == 3;
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  if (!v3) doc.append_child(pugi::node_doctype).set_value("martif SYSTEM \"TBXBasiccoreStructV02.dtd\"");
  pugi::xml_node root = doc.append_child(v3 ? "tbx" : "martif");
  root.append_attribute("type") = "TBX-Basic";
  if (v3) root.append_attribute("style") = "dca";
  root.append_attribute("xml:lang") = "en";
  if (v3) root.append_attribute("xmlns") = "urn:iso:std:iso:30042:ed-2";
  pugi::xml_node source_desc =
      root.append_child(v3 ? "tbxHeader" : "martifHeader").append_child("fileDesc").append_child("sourceDesc");
  source_desc.append_child("p").text() =
      fmt::format("Termbase written by talign {}", Version()).c_str();
  pugi::xml_node body = root.append_child("text").append_child("body");
  for (const Concept& c : concepts_) {
    pugi::xml_node entry = body.append_child(v3 ? "conceptEntry" : "termEntry");
    entry.append_attribute("id") = c.id.c_str();
    if (c.kind != ConceptKind::kTerm) {
      pugi::xml_node kind = entry.append_child("descrip");
      kind.append_attribute("type") = "conceptKind";
      kind.text() = std::string(ConceptKindName(c.kind)).c_str();
    }
    pugi::xml_node lang_sec;
    Language current = Language::kUnknown;
    for (uint32_t t : TermsInWriteOrder(*this, c)) {
      const Term& term = terms_[t];
      if (!lang_sec || term.language != current) {
        current = term.language;
        lang_sec = entry.append_child(v3 ? "langSec" : "langSet");
        lang_sec.append_attribute("xml:lang") = std::string(LanguageCode(current)).c_str();
      }
      pugi::xml_node term_sec = lang_sec.append_child(v3 ? "termSec" : "tig");
      term_sec.append_child("term").text() = term.text.c_str();
      pugi::xml_node status = term_sec.append_child("termNote");
      status.append_attribute("type") = "administrativeStatus";
      status.text() = std::string(AdministrativeStatus(term.status)).c_str();
      if (!term.note.empty()) term_sec.append_child("note").text() = term.note.c_str();
    }
  }
  OstreamWriter writer(out);
  doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  if (!out) return IoError("write error while writing TBX");
  return Status::Ok();
}

}  // namespace align
