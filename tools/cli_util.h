// Small helpers shared by the subcommands: diagnostics and safe output.
#pragma once

#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>

#include <vector>

#include <CLI/CLI.hpp>

#include "align/output.h"
#include "align/pipeline.h"
#include "align/status.h"
#include "align/text.h"

namespace talign_cli {

// Prints "talign: MESSAGE" on stderr and returns exit code 2. Control
// characters in MESSAGE are escaped except before a last line that is the
// usage hint "Run 'talign[ COMMAND] --help' for usage." (see Fail).
int Fail(const align::Status& status);
int Fail(const std::string& message);

// Prints "talign: warning: MESSAGE" on stderr, control characters escaped
// (a file name in a warning must not drive the terminal or forge a line).
void Warn(const std::string& message);

// Parses --lang; an empty string means "detect". Returns false and prints an
// error for an unknown tag.
bool ParseLangFlag(const std::string& tag, align::Language* language);

// "a,b,c" → {"a", "b", "c"} (for --langs).
std::vector<std::string> SplitComma(const std::string& s);

// --dictionary: "FILE", or "SRC,TGT=FILE" to say which pair of languages
// FILE translates. Returns false and prints an error for an unknown language.
bool ParseDictionaryFlag(const std::string& flag, align::DictionarySpec* spec);

// --format NAME for alignments or findings, its choices and help from the
// format tables of report_align.h / report_findings.h.
CLI::Option* AddAlignFormatOption(CLI::App& cmd, std::string* value);
CLI::Option* AddFindingsFormatOption(CLI::App& cmd, std::string* value);
// The format of the output file |output| (-o): when --format was not given
// (|given| counts none), the format whose extension |output| has (.html,
// .json, .tmx, ...), else |*format| stays; when it was given and the
// extension names another format, false after an error (plain text in a
// report.html is a trap). Standard output and unknown extensions leave it.
bool ResolveAlignFormat(const CLI::Option* given, const std::string& output, std::string* format);
bool ResolveFindingsFormat(const CLI::Option* given, const std::string& output, std::string* format);

// --excel: CSV for Microsoft Excel (a UTF-8 byte order mark, formulas
// neutralised; align::CsvOptions). CheckExcelFlag prints an error and
// returns false when it is set and |format| (after ResolveAlignFormat or
// ResolveFindingsFormat) is not csv: the other formats have no such variant.
void AddExcelOption(CLI::App& cmd, bool* value);
bool CheckExcelFlag(bool excel, const std::string& format);

// --color=auto|always|never; auto colours a terminal unless NO_COLOR is set
// (non-empty) or TERM is dumb.
void AddColorOption(CLI::App& cmd, std::string* value);
bool UseColor(const std::string& mode, bool to_terminal);

// The subcommand of |app| closest to |typed| (at most two edits, or typed
// as its prefix), empty when none is: for "unknown command" messages.
std::string ClosestCommand(const CLI::App& app, const std::string& typed);

// --config FILE on |cmd|; LoadConfig applies the file (if any) to the
// settings, printing the error (FILE: section.setting: ...) and returning
// false when it cannot. |check| may be null (align has no checker).
void AddConfigOption(CLI::App& cmd, std::string* path);
bool LoadConfig(const std::string& path, align::AlignerConfig* aligner, align::CheckConfig* check);

// --max-input-size SIZE on |cmd|, stored in |value|; ReadLimit parses it
// ("" is the default of align::ReadOptions). ReadLimit prints an error and
// returns false for a malformed size.
void AddMaxInputSizeOption(CLI::App& cmd, std::string* value);
// --encoding NAME: the inputs' encoding (ICU converter names), for ReadOptions::encoding.
void AddEncodingOption(CLI::App& cmd, std::string* value);
bool ReadLimit(const std::string& value, size_t* bytes);

// Runs |write| against stdout ("-" or empty) or against FILE by the rules of
// align/output.h: atomic for regular files, direct for devices and FIFOs,
// refused for |inputs| (the files the command reads) and directories.
align::Status WriteOutput(const std::string& path, const align::ProtectedFiles& inputs,
                          const align::WriteFn& write);

// The files a command reads, for WriteOutput: every path of every list.
align::ProtectedFiles Inputs(std::initializer_list<std::vector<std::string>> lists);

}  // namespace talign_cli
