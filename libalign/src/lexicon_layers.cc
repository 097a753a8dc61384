// Termbases in layers: the bundled one, then the user's files, each able to
// add terms to a concept of an earlier one. A reviser adds one variant with
// a two-line file instead of copying the whole termbase; a later file also
// overrides a term's status (deprecating what the bundled termbase admits).
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "align/lexicon.h"
#include "align/resources.h"
#include "lexicon_builder.h"

namespace align {
namespace {

std::string SourceOf(const Lexicon& lexicon) {
  return lexicon.sources().empty() ? std::string("<lexicon>") : lexicon.sources()[0];
}

}  // namespace

StatusOr<Lexicon> Lexicon::Merge(const std::vector<Lexicon>& lexicons, std::vector<LexiconProblem>* warnings) {
  Lexicon out;
  struct Seen {
    uint32_t term;     // index into out.terms_
    uint32_t lexicon;  // the layer that gave it its current status
    uint32_t line;
  };
  std::unordered_map<std::string, Seen> seen;  // language + matching key → where
  for (uint32_t l = 0; l < lexicons.size(); ++l) {
    const Lexicon& in = lexicons[l];
    const std::string in_name = SourceOf(in);
    std::vector<uint32_t> concept_of(in.concepts_.size());
    for (size_t c = 0; c < in.concepts_.size(); ++c) {
      const Concept& entry = in.concepts_[c];
      if (auto existing = out.FindConcept(entry.id)) {
        concept_of[c] = *existing;
        // A kind is stated to make a concept a name or a title; a layer that
        // states none leaves the earlier kind alone.
        if (entry.kind != ConceptKind::kTerm) out.concepts_[*existing].kind = entry.kind;
        continue;
      }
      concept_of[c] = static_cast<uint32_t>(out.concepts_.size());
      out.concept_by_id_.emplace(entry.id, concept_of[c]);
      out.concepts_.push_back({entry.id, {}, entry.kind});
    }
    for (const Term& t : in.terms_) {
      const uint32_t concept_index = concept_of[t.concept_index];
      std::string key = fmt::format("{}\t{}", LanguageCode(t.language), TermKey(t.text));
      auto found = seen.find(key);
      if (found != seen.end()) {
        Term& earlier = out.terms_[found->second.term];
        const std::string& earlier_file = SourceOf(lexicons[found->second.lexicon]);
        if (earlier.concept_index != concept_index) {
          if (found->second.lexicon == l) {
            return DataError(fmt::format(
                "{}:{}: term '{}' ({}) of concept '{}' is already a term of concept '{}' at line {}; "
                "a term names one concept",
                in_name, t.line, t.text, LanguageCode(t.language), out.concepts_[concept_index].id,
                out.concepts_[earlier.concept_index].id, found->second.line));
          }
          // A term names one concept: the later layer's concept takes it.
          if (warnings != nullptr) {
            warnings->push_back({in_name, t.line, 1,
                                 fmt::format("term '{}' ({}) is a term of concept '{}' in {} at line {}; "
                                             "this later file moves it to concept '{}'",
                                             t.text, LanguageCode(t.language),
                                             out.concepts_[earlier.concept_index].id, earlier_file,
                                             found->second.line, out.concepts_[concept_index].id),
                                 LexiconProblem::Severity::kWarning});
          }
          std::vector<uint32_t>& old_terms = out.concepts_[earlier.concept_index].terms;
          old_terms.erase(std::find(old_terms.begin(), old_terms.end(), found->second.term));
          earlier.concept_index = concept_index;
          out.concepts_[concept_index].terms.push_back(found->second.term);
        } else if (earlier.status != t.status && warnings != nullptr && found->second.lexicon != l) {
          warnings->push_back({in_name, t.line, 1,
                               fmt::format("term '{}' ({}) of concept '{}' is {} in {} at line {}; "
                                           "this later file wins: {}",
                                           t.text, LanguageCode(t.language), out.concepts_[concept_index].id,
                                           TermStatusName(earlier.status), earlier_file, found->second.line,
                                           TermStatusName(t.status)),
                               LexiconProblem::Severity::kWarning});
        }
        earlier.status = t.status;
        if (!t.note.empty()) earlier.note = t.note;
        found->second = {found->second.term, l, t.line};
        continue;
      }
      const auto index = static_cast<uint32_t>(out.terms_.size());
      seen.emplace(std::move(key), Seen{index, l, t.line});
      Term copy = t;
      copy.concept_index = concept_index;
      out.concepts_[concept_index].terms.push_back(index);
      out.terms_.push_back(std::move(copy));
    }
    out.sources_.insert(out.sources_.end(), in.sources_.begin(), in.sources_.end());
  }
  return out;
}

StatusOr<Lexicon> Lexicon::LoadLayers(const std::vector<std::string>& paths, bool with_default,
                                      std::vector<LexiconProblem>* warnings) {
  std::vector<Lexicon> layers;
  if (with_default) {
    auto bundled = LoadDefault();
    if (!bundled.ok()) return bundled.status();
    layers.push_back(std::move(*bundled));
  }
  for (const std::string& path : paths) {
    auto lexicon = Load(path);
    if (!lexicon.ok()) return lexicon.status();
    layers.push_back(std::move(*lexicon));
  }
  if (layers.size() == 1) return std::move(layers.front());
  return Merge(layers, warnings);
}

}  // namespace align
