// The CAT-file readers from bytes: SniffInput, RequireText, ReadCatFile
// (XLIFF 1.2 and 2.x, TMX), then VersionsOfCatFile and RunCheckAligned with
// one Session, and every findings report. A file that reads has 2 or 3
// known, distinct languages, unique non-empty unit ids and one-line segment
// texts; its beads cover every sentence once, each named by a unit.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "align/cat_file.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "align/session.h"
#include "fuzz_util.h"

namespace {

const align::Session& Resources() {
  static const std::shared_ptr<const align::Session> session = [] {
    align::SessionConfig config;
    config.use_cedict = config.use_urdu_english = false;  // the readers are the target, not the dictionaries
    auto created = align::Session::Create(config);
    FUZZ_CHECK(created.ok(), "%s", created.status().message().c_str());
    return *created;
  }();
  return *session;
}

void CheckFile(const align::CatFile& file) {
  const size_t n = file.languages.size();
  FUZZ_CHECK(n == 2 || n == 3, "%zu languages", n);
  std::set<align::Language> languages;
  for (const std::string& tag : file.languages) {
    std::optional<align::Language> language = align::ParseLanguage(tag);
    FUZZ_CHECK(language && *language != align::Language::kUnknown, "unknown language '%s'", tag.c_str());
    languages.insert(*language);
  }
  FUZZ_CHECK(languages.size() == n, "two versions of one language");
  FUZZ_CHECK(file.source_language.empty() || align::ParseLanguage(file.source_language) &&
                                                 languages.count(*align::ParseLanguage(file.source_language)),
             "source language '%s' is none of the file's", file.source_language.c_str());
  std::set<std::string> ids;
  for (const align::CatUnit& unit : file.units) {
    FUZZ_CHECK(!unit.id.empty() && ids.insert(unit.id).second, "unit id '%s' empty or repeated",
               fuzz::Printable(unit.id).c_str());
    for (const std::vector<std::string>& segment : unit.segments) {
      FUZZ_CHECK(segment.size() == n, "a segment in %zu languages", segment.size());
      for (const std::string& text : segment) {
        FUZZ_CHECK(text.find_first_of("\t\r\n") == std::string::npos, "segment text on several lines");
        FUZZ_CHECK(text.empty() || (text.front() != ' ' && text.back() != ' '), "segment text not trimmed");
        FUZZ_CHECK(!align::FindInvalidUtf8(text), "segment text is not UTF-8");
      }
    }
  }
}

void CheckBeads(const align::AlignResult& r) {
  std::vector<uint32_t> next(r.versions.size(), 0);
  for (const align::Bead& bead : r.alignment.beads) {
    FUZZ_CHECK(!bead.unit.empty(), "a bead without its unit");
    bool any = false;
    for (size_t v = 0; v < r.versions.size(); ++v) {
      FUZZ_CHECK(bead.sides[v].begin == next[v], "beads skip a sentence of version %zu", v);
      next[v] = bead.sides[v].end;
      any |= !bead.sides[v].empty();
    }
    FUZZ_CHECK(any, "an empty bead");
  }
  for (size_t v = 0; v < r.versions.size(); ++v) {
    FUZZ_CHECK(next[v] == r.versions[v].sentences.size(), "beads do not cover version %zu", v);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Resources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = align::Document::FromString("fuzz.xlf", std::string(fuzz::AsText(data, size)));
  if (!doc.ok()) return 0;
  const align::InputKind kind = align::SniffInput(doc->bytes());
  FUZZ_CHECK(align::RequireText(*doc).ok() == (kind == align::InputKind::kText), "RequireText disagrees with SniffInput");
  if (kind != align::InputKind::kXliff && kind != align::InputKind::kTmx) return 0;
  auto file = align::ReadCatFile(*doc);
  if (!file.ok()) {
    FUZZ_CHECK(file.status().message().rfind("fuzz.xlf", 0) == 0, "an error that does not name the file: %s",
               file.status().message().c_str());
    return 0;
  }
  CheckFile(*file);
  const align::Session& session = Resources();
  auto versions = align::VersionsOfCatFile(*file, "fuzz.xlf", align::AlignJob{}, session);
  FUZZ_CHECK(versions.ok(), "VersionsOfCatFile failed: %s", versions.status().message().c_str());
  CheckBeads(*versions);
  auto checked = align::RunCheckAligned(align::CheckJob{}, std::move(*versions), session);
  FUZZ_CHECK(checked.ok(), "RunCheckAligned failed: %s", checked.status().message().c_str());
  fuzz::NullBuffer null;
  std::ostream out(&null);
  const align::FindingsReport report{&checked->align, &checked->hits, &session.matcher()->lexicon(),
                                     &checked->findings};
  for (auto format : {align::FindingsFormat::kText, align::FindingsFormat::kJson, align::FindingsFormat::kTsv,
                      align::FindingsFormat::kHtml}) {
    const align::Status written = align::WriteFindings(report, format, align::ReportOptions{}, out);
    FUZZ_CHECK(written.ok(), "the %s report failed: %s", std::string(align::FindingsFormatName(format)).c_str(),
               written.message().c_str());
  }
  return 0;
}
