// The alignment files talign eval reads besides bead lines: hunalign's
// ladder and talign's own JSON lines, so that every format `talign align`
// and `talign batch` write that carries sentence indices can be scored as
// it is.
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/text.h"
#include "eval.h"

namespace align {
namespace {

using Json = nlohmann::json;

// The lines of |text| with their 1-based numbers, blank ones left out; a
// BOM and CR LF line ends are allowed.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn&& fn) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t number = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ALIGN_RETURN_IF_ERROR(fn(line, number));
  }
  return Status::Ok();
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t begin = line.find_first_not_of(" \t");
  while (begin != std::string_view::npos) {
    size_t end = line.find_first_of(" \t", begin);
    fields.push_back(line.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    begin = end == std::string_view::npos ? end : line.find_first_not_of(" \t", end);
  }
  return fields;
}

template <typename T>
bool ParseWhole(std::string_view field, T* value) {
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), *value);
  return ec == std::errc() && end == field.data() + field.size();
}

std::vector<int64_t> Range(int64_t begin, int64_t end) {
  std::vector<int64_t> ids;
  for (int64_t i = begin; i < end; ++i) ids.push_back(i);
  return ids;
}

}  // namespace

StatusOr<std::vector<EvalBead>> ParseLadderLines(std::string_view text, const std::string& name) {
  if (auto bad = FindInvalidUtf8(text)) return DataError(fmt::format("{}: byte {}: invalid UTF-8", name, *bad));
  std::vector<std::pair<int64_t, int64_t>> rungs;
  std::vector<size_t> numbers;
  Status read = ForEachLine(text, [&](std::string_view line, size_t number) -> Status {
    const std::vector<std::string_view> fields = Fields(line);
    int64_t source = -1, target = -1, third = 0;
    double score = 0;
    // i j score, or i j k score for three versions (the third is not scored).
    const bool ok = (fields.size() == 3 || fields.size() == 4) && ParseWhole(fields[0], &source) &&
                    ParseWhole(fields[1], &target) && (fields.size() == 3 || ParseWhole(fields[2], &third)) &&
                    ParseWhole(fields.back(), &score) && source >= 0 && target >= 0 && third >= 0;
    if (!ok) return DataError(fmt::format("{}:{}: not a ladder rung (i<TAB>j<TAB>score): '{}'", name, number, line));
    if (!rungs.empty() && (source < rungs.back().first || target < rungs.back().second)) {
      return DataError(fmt::format("{}:{}: rung {} {} goes back from rung {} {} of line {}", name, number, source,
                                   target, rungs.back().first, rungs.back().second, numbers.back()));
    }
    rungs.emplace_back(source, target);
    numbers.push_back(number);
    return Status::Ok();
  });
  ALIGN_RETURN_IF_ERROR(read);
  // The sentences between two rungs are one bead; the last rung closes.
  std::vector<EvalBead> beads;
  for (size_t r = 0; r + 1 < rungs.size(); ++r) {
    EvalBead bead{Range(rungs[r].first, rungs[r + 1].first), Range(rungs[r].second, rungs[r + 1].second)};
    if (!bead.first.empty() || !bead.second.empty()) beads.push_back(std::move(bead));
  }
  return beads;
}

StatusOr<std::vector<EvalBead>> ParseJsonlBeads(std::string_view text, const std::string& name) {
  if (auto bad = FindInvalidUtf8(text)) return DataError(fmt::format("{}: byte {}: invalid UTF-8", name, *bad));
  std::vector<std::string> languages;
  std::vector<EvalBead> beads;
  auto ids = [](const Json& side, std::vector<int64_t>* out) {
    if (!side.is_array()) return false;
    for (const Json& id : side) {
      if (!id.is_number_unsigned()) return false;
      out->push_back(id.get<int64_t>());
    }
    return true;
  };
  Status read = ForEachLine(text, [&](std::string_view line, size_t number) -> Status {
    const Json row = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!row.is_object()) return DataError(fmt::format("{}:{}: not a JSON object", name, number));
    if (languages.empty()) {
      // The header names the versions: the first two are scored.
      const auto found = row.find("languages");
      if (!row.contains("talign") || found == row.end() || !found->is_array() || found->size() < 2 ||
          !(*found)[0].is_string() || !(*found)[1].is_string()) {
        return DataError(fmt::format("{}:{}: not the header of talign's JSON lines (\"talign\" and at least two "
                                     "\"languages\")", name, number));
      }
      languages = {(*found)[0].get<std::string>(), (*found)[1].get<std::string>()};
      return Status::Ok();
    }
    EvalBead bead;
    if (!row.contains(languages[0]) || !row.contains(languages[1]) || !ids(row[languages[0]], &bead.first) ||
        !ids(row[languages[1]], &bead.second)) {
      return DataError(fmt::format("{}:{}: a bead without the sentence lists \"{}\" and \"{}\"", name, number,
                                   languages[0], languages[1]));
    }
    beads.push_back(std::move(bead));
    return Status::Ok();
  });
  ALIGN_RETURN_IF_ERROR(read);
  if (languages.empty()) return DataError(fmt::format("{}: no header line", name));
  return beads;
}

StatusOr<std::vector<EvalBead>> ReadAlignmentFile(const std::string& path) {
  auto doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  const std::string_view text = doc->bytes();
  const size_t first = text.find_first_not_of(" \t\r\n", text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  if (first != std::string_view::npos && text[first] == '{') return ParseJsonlBeads(text, path);
  if (first != std::string_view::npos && text[first] >= '0' && text[first] <= '9') return ParseLadderLines(text, path);
  return ParseBeadLines(text, path);
}

}  // namespace align
