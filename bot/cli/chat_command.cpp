// `superbot chat`: a console conversation with the same Assistant the chat platforms use.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/console_chat.hpp"
#include "bot/cli/plain_text.hpp"
#include "bot/cli/setup.hpp"

#include <cstdlib>
#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Usage: superbot chat [--config FILE] [--as EMAIL]\n"
    "\n"
    "Talk to the bot in the terminal. Write \"hjælp\" for help; end with \"farvel\", \"exit\" or Ctrl-D.\n"
    "--as EMAIL talks as that person of the role directory; each person is their own chat identity\n"
    "(own drafts, own requests). \"/som EMAIL\" or \"/as EMAIL\" switches person during the session.\n"
    "Messages the bot sends a person on its own (a status change, a support) are shown when that\n"
    "person next writes.\n";
}  // namespace

int run_chat(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--as"});
    args.parse();
    if (args.flag("--help")) {
        std::cout << usage;
        return exit_ok;
    }
    App app(load_config_and_logging(args, true));
    auto const* user = std::getenv("USER");
    ConsoleChat console(app.assistant(), app.database(), user != nullptr ? user : "console");
    console.act_as(args.option("--as").value_or(""));

    std::cout << "Superbruger-bot. Skriv et spørgsmål, »hjælp« eller »farvel«.\n> " << std::flush;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "farvel" || line == "exit" || line == "quit") break;
        std::cout << console.say(line) << "\n\n> " << std::flush;
    }
    std::cout << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
