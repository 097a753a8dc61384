// Files of CAT tools as already aligned input: XLIFF 1.2 and 2.x, TMX 1.4
// (and 1.1), read into units whose segments are aligned across languages;
// and the sniffing that tells such files (and any XML) from plain text.
//
//   auto doc = align::Document::Load("statement.xlf");
//   if (align::SniffInput(doc->bytes()) == align::InputKind::kXliff) {
//     auto file = align::ReadCatFile(*doc);           // "statement.xlf:12: trans-unit without id"
//     for (const align::CatUnit& u : file->units) ...  // u.id, u.segments[language]
//   }
//
// The format is recognised from the content, never from the file name, and
// XML is never read as text: RequireText refuses it where text is expected
// (align, check and segment of 2 or 3 files). pipeline.h turns a CatFile
// into versions and beads (VersionsOfCatFile) and checks them as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "align/status.h"
#include "align/text.h"

namespace align {

enum class InputKind {
  kText,   // anything that is not XML
  kXliff,  // root element <xliff> (any version, any namespace prefix)
  kTmx,    // root element <tmx>
  kXml,    // another XML document (an XML declaration, or one root element)
};

// What |bytes| hold, from their first bytes: after a UTF-8 BOM, white space,
// an XML declaration, comments, processing instructions and a DOCTYPE, the
// name of the root element. Text that only starts with a tag ("<b>Note</b>:
// the talks ...") is text: another root element counts only when the
// document is one element (it ends with its end tag) or has a declaration.
InputKind SniffInput(std::string_view bytes);

// "text", "XLIFF", "TMX", "XML".
std::string_view InputKindName(InputKind kind);

// Ok for text; for XML (any kind) a kInvalidArgument that names |doc| and
// says what to do: a CAT file is passed alone to `talign check`, and other
// XML is never aligned as text.
Status RequireText(const Document& doc);

// One unit of a CAT file: a translation unit whose segments are aligned
// across the file's languages.
struct CatUnit {
  // XLIFF 1.2 trans-unit/@id, XLIFF 2 unit/@id, TMX tu/@tuid or, for a <tu>
  // without one, its position in the body ("1" for the first). With several
  // <file> elements in one XLIFF, "FILE/ID" (FILE: file/@original in 1.2,
  // file/@id in 2.x) since ids need only be unique within a file.
  std::string id;
  uint32_t line = 0;  // where the unit starts in the file, from 1
  // The unit's segments (several for an XLIFF 2 unit of several
  // <segment>s; one otherwise), each the text per language (CatFile::
  // languages order): the text of inline elements kept (<g>, <mrk>, <pc>,
  // <hi>), native code and placeholders dropped (<x/>, <bx/>, <ph>, <bpt>,
  // <ept>, <it>, <ut>), references decoded, white space collapsed to single
  // spaces; empty where the segment has no text in that language (not
  // translated).
  std::vector<std::vector<std::string>> segments;
};

struct CatFile {
  std::string format;                  // "XLIFF 1.2", "XLIFF 2.1" (the file's version), "TMX 1.4"
  std::vector<std::string> languages;  // 2 or 3 BCP 47 tags as the file writes them
  // The file's source language (XLIFF source language, TMX srclang), one of
  // |languages|; empty when it names none (TMX "*all*").
  std::string source_language;
  std::vector<CatUnit> units;          // in file order; units marked translate="no" left out
  std::vector<std::string> warnings;   // "FILE:LINE: ..." of what was read but ignored
};

// Reads |doc| (XLIFF or TMX, as SniffInput tells) into units. Errors are
// kDataError "NAME:LINE: message" (malformed XML at the line of the parse
// error, a DOCTYPE that declares entities, a unit without id, a duplicate
// id, a reference to no character, an unknown language tag, an XLIFF
// without target language) or "NAME: message" for the file as a whole (a
// TMX of 1 or 4 languages, a file without units, not XLIFF or TMX).
StatusOr<CatFile> ReadCatFile(const Document& doc);

}  // namespace align
