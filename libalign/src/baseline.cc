// Ignore lists (baseline.h): fingerprints of findings, written and read.
#include "align/baseline.h"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "align/normalize.h"
#include "align/text.h"
#include "sha256.h"

namespace align {
namespace {

constexpr size_t kFingerprintDigits = 16;
constexpr size_t kCommentEvidenceChars = 80;

std::string ConceptId(const Finding& finding, const Lexicon* lexicon) {
  if (lexicon == nullptr || !finding.concept_index || *finding.concept_index >= lexicon->concepts().size()) return "";
  return lexicon->concepts()[*finding.concept_index].id;
}

std::string LanguageAtFault(const Finding& finding, const AlignResult& aligned) {
  if (finding.version >= aligned.versions.size()) return "";
  return std::string(LanguageCode(aligned.versions[finding.version].language));
}

// The evidence on one line of at most |limit| code points: a comment must
// not end early nor carry a terminal escape.
std::string OneLine(std::string_view text, size_t limit) {
  std::string out;
  size_t chars = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool blank = c <= 0x20 || c == 0x7F;
    if (blank && (out.empty() || out.back() == ' ')) continue;
    if ((c & 0xC0) != 0x80 && chars++ == limit) {
      out += "…";
      break;
    }
    out += blank ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

std::string FindingFingerprint(const Finding& finding, const AlignResult& aligned, const Lexicon* lexicon) {
  // The unit separator cannot occur in a type name, an id or a key, so
  // no two different tuples hash the same bytes.
  const std::string tuple = fmt::format("{}\x1f{}\x1f{}\x1f{}", FindingTypeName(finding.type),
                                        ConceptId(finding, lexicon), LanguageAtFault(finding, aligned),
                                        Normalizer::Get().KeyOf(finding.evidence));
  return internal::Sha256Hex(tuple).substr(0, kFingerprintDigits);
}

Status WriteBaseline(const std::vector<Finding>& findings, const AlignResult& aligned, const Lexicon* lexicon,
                     std::ostream& out) {
  out << "# talign baseline: findings listed here are not reported (talign check --baseline FILE)\n";
  for (const Finding& f : findings) {
    const std::string concept_id = ConceptId(f, lexicon);
    out << FindingFingerprint(f, aligned, lexicon) << "  # " << FindingTypeName(f.type) << ' '
        << LanguageAtFault(f, aligned) << (concept_id.empty() ? "" : " " + concept_id) << ": "
        << OneLine(f.evidence, kCommentEvidenceChars) << '\n';
  }
  out.flush();
  if (!out) return IoError("cannot write the baseline");
  return Status::Ok();
}

StatusOr<Baseline> Baseline::Load(const std::string& path) {
  auto doc = Document::Load(path, {kMaxBaselineBytes, /*regular_only=*/false, /*encoding=*/""});
  if (!doc.ok()) return doc.status();
  return Parse(doc->bytes().substr(doc->content_begin()), path == "-" ? "<stdin>" : path);
}

StatusOr<Baseline> Baseline::Parse(std::string_view bytes, const std::string& name) {
  Baseline out;
  out.sha256_ = internal::Sha256Hex(bytes);
  size_t line_number = 0;
  for (size_t begin = 0; begin < bytes.size();) {
    size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line.remove_prefix(first);
    const size_t word_end = std::min(line.find_first_of(" \t#"), line.size());
    const std::string_view word = line.substr(0, word_end);
    if (word.size() != kFingerprintDigits || !std::all_of(word.begin(), word.end(), IsHexDigit)) {
      return DataError(fmt::format("{}:{}: expected a finding fingerprint ({} hex digits, as --write-baseline "
                                   "writes), then an optional # comment",
                                   name, line_number, kFingerprintDigits));
    }
    std::string fingerprint(word);
    for (char& c : fingerprint)
      if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    out.fingerprints_.insert(std::move(fingerprint));
  }
  return out;
}

}  // namespace align
