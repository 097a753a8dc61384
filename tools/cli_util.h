// Small helpers shared by the subcommands: diagnostics and safe output.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include <vector>

#include "align/pipeline.h"
#include "align/status.h"
#include "align/text.h"

namespace talign_cli {

// Prints "talign: MESSAGE" on stderr and returns exit code 2. Control
// characters in MESSAGE are escaped except before a last line that is the
// usage hint "Run 'talign[ COMMAND] --help' for usage." (see Fail).
int Fail(const align::Status& status);
int Fail(const std::string& message);

// Parses --lang; an empty string means "detect". Returns false and prints an
// error for an unknown tag.
bool ParseLangFlag(const std::string& tag, align::Language* language);

// "a,b,c" → {"a", "b", "c"} (for --langs).
std::vector<std::string> SplitComma(const std::string& s);

// --dictionary: "FILE", or "SRC,TGT=FILE" to say which pair of languages
// FILE translates. Returns false and prints an error for an unknown language.
bool ParseDictionaryFlag(const std::string& flag, align::DictionarySpec* spec);

// Runs |write| against stdout ("-" or empty) or against FILE: the output goes
// to FILE.tmp.PID and is renamed to FILE only when |write| succeeded, so an
// interrupted run never leaves a half-written file.
align::Status WriteOutput(const std::string& path,
                          const std::function<align::Status(std::ostream&)>& write);

}  // namespace talign_cli
