// `superbot slack …`: the Slack app manifest of this installation.
#pragma once

#include <string>
#include <vector>

namespace superbruger::bot::channels::slack {

int run_slack_command(std::vector<std::string> const& args);

}  // namespace superbruger::bot::channels::slack
