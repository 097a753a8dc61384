// talign check A B [C] [--langs L1,L2[,L3]] [--lexicon F]... [--source LANG]
//                      [--format text|json|tsv|html] [--fail-on SEVERITY] [-o OUT]
// Exit codes: 0 nothing found (at or above --fail-on), 1 findings, 2 error.
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/check.h"
#include "align/pipeline.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct CheckFlags {
  std::vector<std::string> inputs;
  std::string langs;
  std::vector<std::string> lexicons;
  std::string source;
  std::string format = "text";
  std::string fail_on;
  std::string output;
  bool presegmented = false;
};

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (true) {
    size_t comma = s.find(',', begin);
    parts.push_back(s.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin));
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return parts;
}

// The check JSON of BRIEF §3. A private writer until the shared findings
// writers (report.h) land; same structure.
nlohmann::ordered_json FindingsJson(const align::CheckResult& r) {
  using json = nlohmann::ordered_json;
  const auto& tags = r.align.language_tags;
  json inputs = json::array();
  for (size_t v = 0; v < r.align.versions.size(); ++v) {
    inputs.push_back({{"file", r.align.job.inputs[v]}, {"lang", tags[v]}});
  }
  json findings = json::array();
  for (const align::Finding& f : r.findings) {
    json sentences = json::object(), spans = json::object();
    for (const align::FindingPlace& p : f.places) {
      sentences[tags[p.version]] = p.sentences;
      json list = json::array();
      for (const align::Span& s : p.spans) list.push_back({s.begin, s.end});
      spans[tags[p.version]] = list;
    }
    json concept_id = f.concept_index ? json(r.lexicon->concepts()[*f.concept_index].id) : json(nullptr);
    findings.push_back({{"type", align::FindingTypeName(f.type)},
                        {"severity", align::SeverityName(f.severity)},
                        {"concept", concept_id},
                        {"lang", tags[f.version]},
                        {"bead", f.bead},
                        {"sentences", sentences},
                        {"spans", spans},
                        {"evidence", f.evidence},
                        {"expected", f.expected},
                        {"message", f.message}});
  }
  json by_type = json::object(), by_severity = json::object();
  for (const auto& [type, count] : r.summary.by_type) by_type[std::string(align::FindingTypeName(type))] = count;
  for (const auto& [severity, count] : r.summary.by_severity) {
    by_severity[std::string(align::SeverityName(severity))] = count;
  }
  return {{"inputs", inputs},
          {"findings", findings},
          {"summary", {{"total", r.summary.total}, {"by_type", by_type}, {"by_severity", by_severity}}}};
}

void WriteText(const align::CheckResult& r, std::ostream& out) {
  const auto& tags = r.align.language_tags;
  for (const align::Finding& f : r.findings) {
    std::string concept_id = f.concept_index ? r.lexicon->concepts()[*f.concept_index].id : "-";
    out << fmt::format("bead {} [{}] {} {} {}: {}\n", f.bead, tags[f.version], align::SeverityName(f.severity),
                       align::FindingTypeName(f.type), concept_id, f.message);
    if (!f.evidence.empty()) out << "    found:    " << f.evidence << '\n';
    if (!f.expected.empty()) out << "    expected: " << fmt::format("{}", fmt::join(f.expected, " | ")) << '\n';
  }
  out << fmt::format("{} finding{}", r.summary.total, r.summary.total == 1 ? "" : "s");
  std::vector<std::string> parts;
  for (const auto& [type, count] : r.summary.by_type) {
    if (count) parts.push_back(fmt::format("{} {}", count, align::FindingTypeName(type)));
  }
  if (!parts.empty()) out << " (" << fmt::format("{}", fmt::join(parts, ", ")) << ")";
  out << '\n';
}

int RunCheckCommand(const CheckFlags& flags) {
  align::CheckJob job;
  job.align.inputs = flags.inputs;
  if (job.align.inputs.size() != 2 && job.align.inputs.size() != 3) {
    return Fail(fmt::format("check takes 2 or 3 input files, got {}\nRun 'talign check --help' for usage.",
                            job.align.inputs.size()));
  }
  if (!flags.langs.empty()) {
    job.align.language_tags = SplitComma(flags.langs);
    if (job.align.language_tags.size() != job.align.inputs.size()) {
      return Fail(fmt::format("--langs {} names {} languages for {} inputs", flags.langs,
                              job.align.language_tags.size(), job.align.inputs.size()));
    }
    for (const std::string& tag : job.align.language_tags) {
      align::Language language;
      if (!ParseLangFlag(tag, &language)) return 2;
    }
  }
  if (!flags.source.empty()) {
    align::Language language;
    if (!ParseLangFlag(flags.source, &language)) return 2;
    job.source_language = flags.source;
  }
  std::optional<align::Severity> fail_on = align::Severity::kInfo;
  if (!flags.fail_on.empty()) {
    fail_on = align::ParseSeverity(flags.fail_on);
    if (!fail_on) return Fail(fmt::format("--fail-on {}: expected info, warning or error", flags.fail_on));
  }
  if (flags.format != "text" && flags.format != "json") {
    return Fail(fmt::format("--format {}: not available yet in this build (text or json)", flags.format));
  }
  job.align.presegmented = flags.presegmented;
  job.lexicon_paths = flags.lexicons;

  auto result = align::RunCheck(job);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& warning : result->warnings) std::cerr << "talign: warning: " << warning << '\n';
  align::Status written = WriteOutput(flags.output, [&](std::ostream& out) {
    if (flags.format == "json") {
      out << FindingsJson(*result).dump(2) << '\n';
    } else {
      WriteText(*result, out);
    }
    return out ? align::Status::Ok() : align::IoError("cannot write the findings");
  });
  if (!written.ok()) return Fail(written);
  for (const align::Finding& f : result->findings) {
    if (f.severity >= *fail_on) return 1;
  }
  return 0;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Align 2 or 3 versions and report divergences: deprecated, missing and inconsistent terms, "
               "number mismatches, omissions and additions. Exit 0: nothing found; 1: findings; 2: error.");
  cmd->add_option("FILES", flags->inputs, "2 or 3 input files (UTF-8), one per version; - for stdin")->required();
  cmd->add_option("--langs", flags->langs,
                  "Languages of the inputs, comma-separated (BCP 47: en,zh,ur); detected from the script when absent");
  cmd->add_option("--lexicon", flags->lexicons,
                  "Termbase (TSV or TBX); repeatable; default: the bundled lexicons/official-terms.tsv");
  cmd->add_option("--source", flags->source,
                  "Language of the original version: findings are then against the translations");
  cmd->add_flag("--presegmented", flags->presegmented, "Each input line is one sentence");
  cmd->add_option("--format", flags->format, "Output format: text, json, tsv or html")
      ->check(CLI::IsMember({"text", "json", "tsv", "html"}));
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 only for findings of this severity or above (info, warning, error)");
  cmd->add_option("-o,--output", flags->output, "Output file, written atomically (default: stdout)");
  cmd->callback([flags, &exit_code] { exit_code = RunCheckCommand(*flags); });
}

}  // namespace talign_cli
