// The per-set record NAME.set.json that `talign batch --resume` reads back
// (batch_internal::SetFromJson), and the summary writers fed with it. A
// record talign writes from what it read must read back to the same record.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "align/batch.h"
#include "batch_internal.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using nlohmann::ordered_json;
  namespace bi = align::batch_internal;
  const ordered_json j = ordered_json::parse(fuzz::AsText(data, size), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  align::BatchSetSummary set;
  if (!bi::SetFromJson(j, &set)) return 0;

  const ordered_json record = bi::SetToJson(set, /*run_fields=*/false, /*timings=*/false);
  align::BatchSetSummary again;
  FUZZ_CHECK(bi::SetFromJson(record, &again), "the record talign writes does not read back:\n%s",
             record.dump().c_str());
  FUZZ_CHECK(bi::SetToJson(again, false, false) == record, "record → set → record changed it");
  const ordered_json with_run = bi::SetToJson(set, /*run_fields=*/true, /*timings=*/true);
  FUZZ_CHECK(bi::SetFromJson(with_run, &again), "the summary entry talign writes does not read back");

  // The summary writers on a batch of this set under two names (the second
  // makes every term rendering a candidate inconsistency across sets).
  align::BatchSummary summary;
  summary.sets = {set, set};
  summary.sets[1].name += "-2";
  bi::Recount(&summary);
  summary.inconsistencies = bi::FindInconsistencies(summary.sets);
  const std::string json = bi::SummaryJson(summary, 1, 2, true);
  FUZZ_CHECK(!ordered_json::parse(json, nullptr, false).is_discarded(), "SummaryJson is not JSON");
  const std::string html = bi::SummaryHtml(summary);
  FUZZ_CHECK(html.find("</html>") != std::string::npos, "SummaryHtml is cut short");
  return 0;
}
