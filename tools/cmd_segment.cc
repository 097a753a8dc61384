// talign segment [--lang L] [--format lines|jsonl] FILE|-
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/cat_file.h"
#include "align/segment.h"
#include "align/terminal_text.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct SegmentFlags {
  std::string file;
  std::string lang;
  std::string format = "lines";
  std::string output;
  std::string max_input_size;
  std::string encoding;
};

int RunSegment(const SegmentFlags& flags) {
  align::Language language;
  if (!ParseLangFlag(flags.lang, &language)) return 2;
  align::ReadOptions read;
  if (!ReadLimit(flags.max_input_size, &read.max_bytes)) return 2;
  read.encoding = flags.encoding;
  auto doc = align::Document::Load(flags.file, read);
  if (!doc.ok()) return Fail(doc.status());
  // Markup is not text: an XLIFF or TMX file is segmented already.
  if (align::Status text = align::RequireText(*doc); !text.ok()) return Fail(text);
  if (language == align::Language::kUnknown) {
    const align::LanguageRegistry::Detection detection = align::Languages().Detect(doc->bytes());
    language = detection.language;
    if (language == align::Language::kUnknown && !detection.script.empty()) {
      return Fail(align::InvalidArgument(fmt::format(
          "{}: the text is in the {} script but in none of the languages talign knows ({}); "
          "if it is one of them, give it with --lang",
          doc->name(), detection.script, align::Languages().Codes())));
    }
    // A document without letters (digits only, empty) is segmented with the
    // English rules, which assume nothing script-specific.
    if (language == align::Language::kUnknown) language = align::Language::kEnglish;
  }
  auto segmenter = align::Segmenter::Create(language);
  if (!segmenter.ok()) return Fail(segmenter.status());
  const std::vector<align::Sentence> sentences = (*segmenter)->Split(*doc);

  align::Status written = WriteOutput(flags.output, Inputs({{flags.file}}), [&](std::ostream& out) {
    size_t index = 0;
    for (const align::Sentence& s : sentences) {
      std::string_view text = doc->Slice(s.span);
      if (flags.format == "jsonl") {
        nlohmann::ordered_json line = {{"index", index}, {"begin", s.span.begin},
                                       {"end", s.span.end}, {"text", text}};
        out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      } else {
        // One sentence per line: line breaks inside a sentence (hard-wrapped
        // text) become spaces so that line i is sentence i, and other
        // control characters are escaped so that they cannot drive a terminal.
        out << align::TerminalSafe(text, align::TerminalBreaks::kSpaceKeepTab) << '\n';
      }
      ++index;
    }
    return align::Status::Ok();
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

}  // namespace

void AddSegmentCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<SegmentFlags>();
  CLI::App* cmd = app.add_subcommand("segment", "Split a document into sentences, with byte offsets.");
  cmd->add_option("FILE", flags->file, "Input file (UTF-8), or - for stdin")->required();
  cmd->add_option("--lang", flags->lang, "Language (BCP 47: en, zh, ur, ...); detected from the script when absent");
  cmd->add_option("--format", flags->format, "lines: one sentence per line; jsonl: {index,begin,end,text} per line")
      ->check(CLI::IsMember({"lines", "jsonl"}));
  cmd->add_option("-o,--output", flags->output, "Output file (default: stdout)");
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddEncodingOption(*cmd, &flags->encoding);
  cmd->callback([flags, &exit_code] { exit_code = RunSegment(*flags); });
}

}  // namespace talign_cli
