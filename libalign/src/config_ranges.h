// Whether every number of a settings struct lies in the range its row of
// the settings tables gives (align/config.h). ApplyConfigJson checks values
// read from files; the library's entry points (Aligner::Align, Check) check
// a struct filled in code with this, so that no setting reaches the model
// outside the range where it means something (a zero score scale, a
// negative window).
#pragma once

#include <span>
#include <string_view>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "align/config.h"
#include "align/status.h"

namespace align::internal {

template <typename Config>
Status CheckRanges(std::span<const ConfigField<Config>> fields, const Config& config, std::string_view section) {
  for (const ConfigField<Config>& field : fields) {
    Status status = std::visit(
        [&](auto member) -> Status {
          using T = std::remove_cvref_t<decltype(config.*member)>;
          if constexpr (!std::is_same_v<T, bool>) {
            const double value = static_cast<double>(config.*member);
            if (!(value >= field.min && value <= field.max)) {  // NaN too
              return InvalidArgument(fmt::format("{} setting {}: {} is outside [{}, {}]", section, field.name,
                                                 config.*member, field.min, field.max));
            }
          }
          return Status::Ok();
        },
        field.member);
    ALIGN_RETURN_IF_ERROR(status);
  }
  return Status::Ok();
}

}  // namespace align::internal
