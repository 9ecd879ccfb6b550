// `superbot teams …`: the Teams app manifest of this installation.
#pragma once

#include <string>
#include <vector>

namespace superbruger::bot::channels::teams {

int run_teams_command(std::vector<std::string> const& args);

}  // namespace superbruger::bot::channels::teams
