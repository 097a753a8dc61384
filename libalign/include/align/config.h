// The tunable settings of the aligner and the checker, as one table each.
// The JSON header of every output, `--config FILE`, `talign config` and
// docs/configuration.md all come from these tables, so a new field is added
// in one place (its struct and its row here) and shows up everywhere.
//
//   align::AlignerConfig aligner;
//   align::CheckConfig check;
//   align::Status s = align::LoadConfigFile("tuned.json", &aligner, &check);
//   std::string json = align::ConfigJson(aligner, &check);   // what outputs record
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "align/aligner.h"
#include "align/check.h"
#include "align/status.h"

namespace align {

// One setting: its JSON name, what it does, where it lives in |Config|, and
// the range a value must be in (numbers only; inclusive).
template <typename Config>
struct ConfigField {
  std::string_view name;
  std::string_view help;
  std::variant<bool Config::*, int Config::*, double Config::*, size_t Config::*> member;
  double min = 0;
  double max = 0;
};

std::span<const ConfigField<AlignerConfig>> AlignerConfigFields();
std::span<const ConfigField<CheckConfig>> CheckConfigFields();

// {"aligner": {...}, "check": {...}}, fields in table order, one line.
// |check| may be null (align runs have no checker).
std::string ConfigJson(const AlignerConfig& aligner, const CheckConfig* check);

// docs/configuration.md: a table per struct with each field's name, default,
// range and meaning (a test keeps the file equal to this).
std::string ConfigMarkdown();

// Reads a JSON object with optional "aligner" and "check" objects and sets
// the fields it names; the others keep their values. Errors (kDataError)
// name the file and the field: an unknown name, a value of the wrong type or
// out of range (negative counts, non-finite numbers).
Status ApplyConfigJson(std::string_view json, const std::string& name, AlignerConfig* aligner,
                       CheckConfig* check);
Status LoadConfigFile(const std::string& path, AlignerConfig* aligner, CheckConfig* check);

}  // namespace align
