// Internal: character references of XML text, decoded by us rather than by
// pugixml, for every reader of XML (TBX termbases, XLIFF and TMX files).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace align::internal {

// A character reference that names no character, and where it starts.
struct BadReference {
  size_t offset;
  std::string message;
};

// Appends |raw| to |out| with the five predefined entities and numeric
// character references decoded. pugixml is told to leave references alone
// because of what it makes of bad ones: &#xD800; becomes CESU-8 bytes,
// &#x110000; and numbers that overflow become bytes that are not UTF-8, and
// &#0; silently cuts the text short. Here a reference to a value that is no
// Unicode scalar value is an error, and &#0; decodes to U+0000 for the
// reader to refuse (CheckTermbaseText, FindBadCharacter). Anything else
// starting with '&' (an undeclared entity, "&#x;", no ';') stays as written,
// as pugixml leaves it.
std::optional<BadReference> AppendDecoded(std::string_view raw, std::string& out);

}  // namespace align::internal
