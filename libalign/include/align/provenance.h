// What produced a report, so that a finding read months later can be traced
// to the termbases, dictionaries and settings that raised it: `talign check`
// and every set of `talign batch` record it in their JSON and HTML reports.
#pragma once

#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/check.h"

namespace align {

// A file a run read, named as it was given, with the SHA-256 of its bytes
// (hex) as they were when the run started.
struct ProvenanceFile {
  std::string name;  // "CC-CEDICT", "en,zh=my.dic"; the path for termbases
  std::string path;
  std::string sha256;
};

struct Provenance {
  std::string talign_version;
  std::vector<ProvenanceFile> termbases;     // in layer order, the bundled one first when used
  std::vector<ProvenanceFile> dictionaries;  // those the aligner and the checker used for these languages
  // The setup dictionaries these languages normally use that were not set
  // up: the run went on without them, and its findings may differ.
  std::vector<std::string> missing_dictionaries;
  std::string source_language;               // the original's tag; empty: co-authentic versions
  std::string baseline_sha256;               // of the --baseline file; empty: none
  CheckConfig check;
  AlignerConfig aligner;
};

}  // namespace align
