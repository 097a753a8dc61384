// `talign batch --merge`: MergeSummaries reads every summary.task-N.json of
// an output directory. The input is split at form feeds into the summaries
// of tasks 1 and 2. A merged summary merged again must not change.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "align/batch.h"
#include "fuzz_util.h"

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<std::string> tasks = fuzz::SplitParts(fuzz::AsText(data, size), 2);
  const fs::path dir = fuzz::ScratchDir() / "merge";
  const fs::path again = fuzz::ScratchDir() / "merge-again";
  fs::remove_all(dir);
  fs::remove_all(again);
  fs::create_directories(dir);
  fs::create_directories(again);
  size_t written = 0;
  for (size_t i = 0; i < tasks.size(); ++i) {
    // An empty second part: a one-task batch.
    if (i > 0 && tasks[i].empty()) continue;
    fuzz::WriteScratch("merge/summary.task-" + std::to_string(i + 1) + ".json", tasks[i]);
    ++written;
  }

  auto merged = align::MergeSummaries(dir.string());
  if (!merged.ok()) {
    FUZZ_CHECK(merged.status().message().find(dir.string()) != std::string::npos,
               "an error that names no file: %s", merged.status().message().c_str());
    return 0;
  }
  FUZZ_CHECK(written > 0, "merged nothing");
  FUZZ_CHECK(merged->ok + merged->failed == merged->sets.size(), "%zu ok + %zu failed for %zu sets", merged->ok,
             merged->failed, merged->sets.size());
  const std::string summary = ReadAll(dir / "summary.json");
  FUZZ_CHECK(!summary.empty() && fs::exists(dir / "summary.html"), "no summary written");

  // The merged summary is itself a valid task summary, and merges to itself.
  fuzz::WriteScratch("merge-again/summary.task-1.json", summary);
  auto remerged = align::MergeSummaries(again.string());
  FUZZ_CHECK(remerged.ok(), "the merged summary does not merge again: %s", remerged.status().message().c_str());
  FUZZ_CHECK(remerged->sets.size() == merged->sets.size(), "re-merging changed the number of sets");
  FUZZ_CHECK(ReadAll(again / "summary.json") == summary, "re-merging changed summary.json");
  return 0;
}
