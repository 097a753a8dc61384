// Internal: reading dictionary files (user TSV and .dic, CC-CEDICT and its
// cache) with the same guards.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "align/status.h"

namespace align::internal {

// The bytes of |path| ("-": standard input). Only regular files are read: a
// directory, a FIFO (opened without blocking, so that one without a writer
// cannot hang the load) or a device such as /dev/zero is refused, and so is
// a file above kMaxDictionaryBytes, before a byte of it is read. Errors name
// the path: kNotFound when it does not exist, kResourceLimit when too big,
// kIoError otherwise.
StatusOr<std::string> ReadDictionaryFile(const std::string& path);

// The line of |text| that starts at |*begin|, without its end (LF, CR LF or
// a lone CR, so old Mac files are read line by line too); advances |*begin|
// past the end. Call while *begin < text.size().
std::string_view NextLine(std::string_view text, size_t* begin);

// "FILE:LINE: contains U+0000 (a control character) at column 7" when |line|
// holds a character no dictionary text may (FindBadCharacter: bytes that are
// not UTF-8, control characters other than tab, noncharacters), or nullopt.
std::optional<std::string> CheckDictionaryLine(std::string_view file, size_t line_no,
                                               std::string_view line);

}  // namespace align::internal
