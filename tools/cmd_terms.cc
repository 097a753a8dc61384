// talign terms [--lexicon F]... [--lang L] [--format text|jsonl] [-o OUT] FILE|-
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/lexicon.h"
#include "align/match.h"
#include "align/segment.h"
#include "align/terminal_text.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct TermsFlags {
  std::string file;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  std::string lang;
  std::string format = "text";
  std::string output;
  bool no_stemming = false;
  std::string max_input_size;
  std::string encoding;
};

int RunTerms(const TermsFlags& flags) {
  align::Language language;
  if (!ParseLangFlag(flags.lang, &language)) return 2;
  align::ReadOptions read;
  if (!ReadLimit(flags.max_input_size, &read.max_bytes)) return 2;
  read.encoding = flags.encoding;
  auto doc = align::Document::Load(flags.file, read);
  if (!doc.ok()) return Fail(doc.status());
  if (flags.no_default_lexicon && flags.lexicons.empty()) {
    return Fail("--no-default-lexicon leaves no termbase: give one with --lexicon FILE");
  }
  std::vector<align::LexiconProblem> layer_warnings;
  auto lexicon = align::Lexicon::LoadLayers(flags.lexicons, !flags.no_default_lexicon, &layer_warnings);
  if (!lexicon.ok()) return Fail(lexicon.status());
  for (const align::LexiconProblem& p : layer_warnings) Warn(fmt::format("{}:{}: {}", p.file, p.line, p.message));
  if (language == align::Language::kUnknown) language = align::DetectLanguage(doc->bytes());
  // A document without letters has no terms; it is still segmented (with
  // the English rules, which assume nothing script-specific) so that the
  // output is the same empty list as for any other term-free text.
  const align::Language rules = language == align::Language::kUnknown ? align::Language::kEnglish : language;
  auto segmenter = align::Segmenter::Create(rules);
  if (!segmenter.ok()) return Fail(segmenter.status());

  align::MatcherOptions options;
  options.stemming = !flags.no_stemming;
  auto matcher = align::TermMatcher::Create(std::make_shared<const align::Lexicon>(std::move(*lexicon)), options);
  if (!matcher.ok()) return Fail(matcher.status());
  for (const std::string& warning : (*matcher)->warnings())
    Warn(warning);

  const std::vector<align::Sentence> sentences = (*segmenter)->Split(*doc);
  const std::vector<align::TermHit> hits = (*matcher)->Match(*doc, language, sentences);
  const align::Lexicon& lex = (*matcher)->lexicon();

  align::Status written = WriteOutput(flags.output, Inputs({{flags.file}, flags.lexicons}), [&](std::ostream& out) {
    for (const align::TermHit& hit : hits) {
      const align::Term& term = lex.terms()[hit.term_index];
      const std::string& concept_id = lex.concepts()[hit.concept_index].id;
      const std::string_view matched = doc->Slice(hit.span);
      if (flags.format == "jsonl") {
        nlohmann::ordered_json line = {
            {"sentence", hit.sentence},     {"begin", hit.span.begin},
            {"end", hit.span.end},          {"concept", concept_id},
            {"term", term.text},            {"status", align::TermStatusName(hit.status)},
            {"lang", align::LanguageCode(term.language)}, {"matched", matched},
            {"exact", hit.exact}};
        out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      } else {
        // One line per hit: the matched text of hard-wrapped lines gets a
        // space for each line break, and no column holds a control character.
        out << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", hit.sentence, hit.span.begin, hit.span.end,
                           align::TerminalSafe(concept_id), align::TermStatusName(hit.status),
                           align::TerminalSafe(term.text),
                           align::TerminalSafe(matched, align::TerminalBreaks::kSpace));
      }
    }
    return align::Status::Ok();
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

}  // namespace

void AddTermsCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<TermsFlags>();
  CLI::App* cmd = app.add_subcommand("terms", "List every termbase term found in a document, with byte spans.");
  cmd->add_option("FILE", flags->file, "Input file (UTF-8), or - for stdin")->required();
  cmd->add_option("--lexicon", flags->lexicons,
                  "Termbase (TSV or TBX) layered over the bundled lexicons/official-terms.tsv; repeatable, "
                  "later files add terms to earlier concepts and win on a term's status")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-lexicon", flags->no_default_lexicon,
                "Leave out the bundled termbase: only the --lexicon files");
  cmd->add_option("--lang", flags->lang, "Language (BCP 47: en, zh, ur, ...); detected from the script when absent");
  cmd->add_option("--format", flags->format,
                  "text: sentence, begin, end, concept, status, term, matched text (tab-separated); "
                  "jsonl: one object per hit")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->add_flag("--no-stemming", flags->no_stemming, "Match exact words only (no inflections through hunspell)");
  cmd->add_option("-o,--output", flags->output, "Output file (default: stdout)");
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddEncodingOption(*cmd, &flags->encoding);
  cmd->callback([flags, &exit_code] { exit_code = RunTerms(*flags); });
}

}  // namespace talign_cli
