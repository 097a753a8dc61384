// Shared by batch_run.cc and batch_summary.cc: records, summaries, atomic files.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "align/batch.h"

namespace align::batch_internal {

// The suffix of the temporary a file is written under before its rename:
// "FILE.tmp.PID". The cleanup of a killed run's leftovers matches it.
std::string TempName(const std::string& path);

// Writes |content| to |path| through its temporary and a rename, creating
// parent directories.
Status WriteFileAtomic(const std::string& path, std::string_view content);

// A set's summary entry. |run_fields| adds what differs between runs of the
// same outputs ("resumed", "seconds"); without them the JSON is the per-set
// record written beside the outputs (NAME.set.json).
nlohmann::ordered_json SetToJson(const BatchSetSummary& set, bool run_fields, bool timings);
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
