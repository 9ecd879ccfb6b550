// The yes/no question on the terminal.
#include "bot/cli/confirm.hpp"

#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"

#include <iostream>
#include <unistd.h>

namespace superbruger::bot::cli {

bool confirmed(bool yes, std::string const& question, knowledge::Language lang) {
    if (yes) return true;
    if (::isatty(STDIN_FILENO) == 0) return false;
    std::cout << question << (lang == knowledge::Language::da ? " [ja/nej] " : " [yes/no] ") << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    auto const folded = knowledge::fold_case(trim_space(answer));
    return folded == "ja" || folded == "j" || folded == "yes" || folded == "y";
}

}  // namespace superbruger::bot::cli
