// Shared by batch_run.cc and batch_summary.cc: records, summaries, atomic files.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "align/batch.h"

namespace align::batch_internal {

// JSON text of |j|, with bytes that are not UTF-8 (in a file or set name)
// replaced by U+FFFD instead of an exception.
std::string Dump(const nlohmann::ordered_json& j);

// The largest state file read back (a summary of a very large batch task).
constexpr size_t kStateFileLimit = size_t{256} << 20;

// A state file (NAME.set.json, summary.task-N.json) parsed, or the reason
// it cannot be: missing, not a regular file, larger than |limit|, not JSON.
StatusOr<nlohmann::ordered_json> ReadJsonFile(const std::string& path, size_t limit);

// A set's summary entry. |run_fields| adds what differs between runs of the
// same outputs ("resumed", "seconds"); without them the JSON is the per-set
// record written beside the outputs (NAME.set.json).
nlohmann::ordered_json SetToJson(const BatchSetSummary& set, bool run_fields, bool timings);
// False when |json| is not a well-formed set entry (any field missing, of
// another type, or out of range): state files are input like any other.
bool SetFromJson(const nlohmann::ordered_json& json, BatchSetSummary* set);

// summary.json / summary.task-I.json content; |task_index| 0 for a whole batch.
std::string SummaryJson(const BatchSummary& summary, int task_index, int per_task, bool timings);
// summary.html: one row per set, links to each set's outputs, sortable columns.
std::string SummaryHtml(const BatchSummary& summary);

// Concepts rendered by different terms of one language in different sets.
std::vector<BatchInconsistency> FindInconsistencies(const std::vector<BatchSetSummary>& sets);

// Recounts ok / failed / resumed from the sets.
void Recount(BatchSummary* summary);

}  // namespace align::batch_internal
