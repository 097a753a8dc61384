// talign config [--markdown]: the settings of the aligner and the checker
// with their defaults, as JSON (a template for --config FILE) or as the
// table of docs/configuration.md.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "align/config.h"
#include "commands.h"

namespace talign_cli {

void AddConfigCommand(CLI::App& app, int& exit_code) {
  auto markdown = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "config", "Print every setting of the aligner and the checker with its default, as JSON (the shape "
                "--config FILE reads) or as a Markdown table.");
  cmd->add_flag("--markdown", *markdown, "The table of docs/configuration.md instead of JSON");
  cmd->callback([markdown, &exit_code] {
    align::AlignerConfig aligner;
    align::CheckConfig check;
    if (*markdown) {
      std::cout << align::ConfigMarkdown();
    } else {
      std::cout << nlohmann::ordered_json::parse(align::ConfigJson(aligner, &check)).dump(2) << '\n';
    }
    std::cout.flush();
    exit_code = std::cout ? 0 : 2;
  });
}

}  // namespace talign_cli
