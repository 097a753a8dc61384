// ProvenanceOf (pipeline_internal.h): the files behind a check, hashed.
#include <string>
#include <vector>

#include "align/provenance.h"
#include "align/resources.h"
#include "config_internal.h"
#include "pipeline_internal.h"

namespace align::internal {

nlohmann::ordered_json ProvenanceToJson(const Provenance& provenance) {
  nlohmann::ordered_json termbases = nlohmann::ordered_json::array();
  for (const ProvenanceFile& f : provenance.termbases) termbases.push_back({{"path", f.path}, {"sha256", f.sha256}});
  nlohmann::ordered_json dictionaries = nlohmann::ordered_json::array();
  for (const ProvenanceFile& f : provenance.dictionaries) {
    dictionaries.push_back({{"name", f.name}, {"path", f.path}, {"sha256", f.sha256}});
  }
  nlohmann::ordered_json j{{"talign", provenance.talign_version},
                           {"termbases", termbases},
                           {"dictionaries", dictionaries},
                           {"source", provenance.source_language.empty() ? nlohmann::ordered_json(nullptr)
                                                                         : nlohmann::ordered_json(provenance.source_language)}};
  if (!provenance.missing_dictionaries.empty()) j["missing_dictionaries"] = provenance.missing_dictionaries;
  if (!provenance.baseline_sha256.empty()) j["baseline_sha256"] = provenance.baseline_sha256;
  j["check"] = CheckConfigToJson(provenance.check);
  j["aligner"] = AlignerConfigToJson(provenance.aligner);
  return j;
}

StatusOr<Provenance> ProvenanceOf(const CheckJob& job, const CheckConfig& config, const AlignResult& aligned,
                                  const Session& session, const std::vector<std::string>& names,
                                  const std::vector<std::string>& paths) {
  Provenance out;
  out.talign_version = std::string(Version());
  for (const std::string& path : session.lexicon_files()) {
    auto sha = session.FileSha256(path);
    if (!sha.ok()) return sha.status();
    out.termbases.push_back({path, path, *sha});
  }
  for (size_t i = 0; i < names.size() && i < paths.size(); ++i) {
    ProvenanceFile file{names[i], paths[i], ""};
    if (!paths[i].empty()) {
      auto sha = session.FileSha256(paths[i]);
      if (!sha.ok()) return sha.status();
      file.sha256 = *sha;
    }
    out.dictionaries.push_back(std::move(file));
  }
  if (config.source_version >= 0 && static_cast<size_t>(config.source_version) < aligned.language_tags.size()) {
    out.source_language = aligned.language_tags[config.source_version];
  }
  if (job.baseline != nullptr) out.baseline_sha256 = job.baseline->sha256();
  out.check = config;
  out.aligner = job.align.aligner;
  return out;
}

}  // namespace align::internal
