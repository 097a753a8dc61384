// The termbase readers from bytes: Lexicon::ParseTsv (lexicon_tsv_fuzzer)
// or Lexicon::ParseTbx (lexicon_tbx_fuzzer, FUZZ_TBX=1), checked against
// Lint, the rules every loaded termbase keeps, and the writers' round trips
// (a file talign wrote reads back; TSV → TBX → TSV is byte for byte), and
// layering (a termbase layered over itself is unchanged).
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "align/lexicon.h"
#include "align/normalize.h"
#include "fuzz_util.h"

namespace {

std::string Tsv(const align::Lexicon& lexicon) {
  std::ostringstream out;
  FUZZ_CHECK(lexicon.WriteTsv(out).ok(), "WriteTsv failed");
  return out.str();
}

std::string Tbx(const align::Lexicon& lexicon) {
  std::ostringstream out;
  FUZZ_CHECK(lexicon.WriteTbx(out).ok(), "WriteTbx failed");
  return out.str();
}

// The first line where |a| and |b| differ, both versions, for messages.
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(sa, la)), gb = static_cast<bool>(std::getline(sb, lb));
    if (!ga && !gb) return "no difference";
    if (la != lb || ga != gb) {
      return "line " + std::to_string(line) + ":\n  < " + (ga ? fuzz::Printable(la) : "(end)") + "\n  > " +
             (gb ? fuzz::Printable(lb) : "(end)");
    }
  }
}

void CheckShape(const align::Lexicon& lexicon) {
  const auto& concepts = lexicon.concepts();
  const auto& terms = lexicon.terms();
  size_t listed = 0;
  for (uint32_t c = 0; c < concepts.size(); ++c) {
    FUZZ_CHECK(lexicon.FindConcept(concepts[c].id) == c, "concept %u is not found by its id", c);
    for (uint32_t t : concepts[c].terms) {
      FUZZ_CHECK(t < terms.size() && terms[t].concept_index == c, "concept %u lists term %u of another", c, t);
    }
    listed += concepts[c].terms.size();
  }
  FUZZ_CHECK(listed == terms.size(), "%zu terms, %zu listed by concepts", terms.size(), listed);
  // A term names one concept: no key is shared by two concepts in a language.
  std::map<std::pair<align::Language, std::string>, uint32_t> owner;
  const align::Normalizer& norm = align::Normalizer::Get();
  for (const align::Term& t : terms) {
    FUZZ_CHECK(t.language != align::Language::kUnknown, "a term without a language");
    FUZZ_CHECK(t.concept_index < concepts.size(), "term of concept %u of %zu", t.concept_index, concepts.size());
    FUZZ_CHECK(!t.text.empty(), "an empty term");
    auto [it, fresh] = owner.try_emplace({t.language, norm.KeyOf(t.text)}, t.concept_index);
    FUZZ_CHECK(fresh || it->second == t.concept_index, "concepts %u and %u share the term '%s'", it->second,
               t.concept_index, t.text.c_str());
  }
  const align::LexiconStats stats = lexicon.Stats();
  FUZZ_CHECK(stats.terms == terms.size() && stats.concepts == concepts.size(), "stats disagree with the lexicon");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::AsText(data, size);
  const bool tbx = FUZZ_TBX;
  auto lexicon = tbx ? align::Lexicon::ParseTbx(bytes, "fuzz.tbx") : align::Lexicon::ParseTsv(bytes, "fuzz.tsv");

  // Load fails exactly when Lint finds an error, and then says why.
  bool lint_error = false;
  for (const align::LexiconProblem& p : align::Lexicon::LintBytes(bytes, "fuzz", tbx)) {
    lint_error |= p.severity != align::LexiconProblem::Severity::kWarning;
    FUZZ_CHECK(!p.ToString().empty(), "a problem without a message");
  }
  FUZZ_CHECK(lexicon.ok() != lint_error, "Parse %s but Lint %s", lexicon.ok() ? "succeeds" : "fails",
             lint_error ? "finds an error" : "finds none");
  if (!lexicon.ok()) {
    FUZZ_CHECK(!lexicon.status().message().empty(), "an error without a message");
    return 0;
  }
  CheckShape(*lexicon);

  // Layered over itself, a termbase is unchanged; layered over what it
  // wrote as TSV too (same ids, terms and statuses), with no warning.
  std::vector<align::LexiconProblem> warnings;
  auto twice = align::Lexicon::Merge({*lexicon, *lexicon}, &warnings);
  FUZZ_CHECK(twice.ok(), "a termbase does not layer over itself: %s", twice.status().message().c_str());
  CheckShape(*twice);
  FUZZ_CHECK(twice->terms().size() == lexicon->terms().size() && warnings.empty(),
             "layered over itself: %zu terms (not %zu), %zu warnings", twice->terms().size(), lexicon->terms().size(),
             warnings.size());

  // What talign writes, it reads back, and writing again gives the same bytes.
  const std::string tsv = Tsv(*lexicon);
  auto from_tsv = align::Lexicon::ParseTsv(tsv, "written.tsv");
  FUZZ_CHECK(from_tsv.ok(), "the TSV talign wrote does not read back: %s\n%s", from_tsv.status().message().c_str(),
             tsv.c_str());
  FUZZ_CHECK(from_tsv->terms().size() == lexicon->terms().size(), "the written TSV has %zu terms, not %zu",
             from_tsv->terms().size(), lexicon->terms().size());
  FUZZ_CHECK(Tsv(*from_tsv) == tsv, "TSV → TSV is not stable: %s", FirstDifference(tsv, Tsv(*from_tsv)).c_str());

  const std::string written_tbx = Tbx(*lexicon);
  auto from_tbx = align::Lexicon::ParseTbx(written_tbx, "written.tbx");
  FUZZ_CHECK(from_tbx.ok(), "the TBX talign wrote does not read back: %s", from_tbx.status().message().c_str());
  FUZZ_CHECK(Tbx(*from_tbx) == written_tbx, "TBX → TBX is not stable: %s",
             FirstDifference(written_tbx, Tbx(*from_tbx)).c_str());
  if (!tbx) {
    FUZZ_CHECK(Tsv(*from_tbx) == tsv, "TSV → TBX → TSV changed the termbase: %s",
               FirstDifference(tsv, Tsv(*from_tbx)).c_str());
  }
  return 0;
}
