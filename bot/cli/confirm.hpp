// Asking the person at the terminal before a command does something that reaches many people
// or cannot be undone; a script says --yes instead.
#pragma once

#include "knowledge/language.hpp"

#include <string>

namespace superbruger::bot::cli {

/// True when `yes` (the command's --yes), or when stdin is a terminal and the answer to
/// `question` is ja/j/yes/y. Without a terminal and without --yes: false, so a script that did
/// not say --yes changes nothing.
bool confirmed(bool yes, std::string const& question, knowledge::Language lang);

}  // namespace superbruger::bot::cli
