// `superbot chat`: a console conversation with the same Assistant the chat platforms use.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/plain_text.hpp"
#include "bot/cli/setup.hpp"

#include <cstdlib>
#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Usage: superbot chat [--config FILE] [--as EMAIL]\n"
    "\n"
    "Talk to the bot in the terminal. Write \"hjælp\" for help; end with \"farvel\", \"exit\" or Ctrl-D.\n";
}  // namespace

int run_chat(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--as"});
    args.parse();
    if (args.flag("--help")) {
        std::cout << usage;
        return exit_ok;
    }
    App app(load_config_and_logging(args, true));
    adapters::Sender sender;
    auto const* user = std::getenv("USER");
    sender.user_id = user != nullptr ? user : "console";
    sender.display_name = sender.user_id;
    sender.email = args.option("--as").value_or("");

    std::cout << "Superbruger-bot. Skriv et spørgsmål, »hjælp« eller »farvel«.\n> " << std::flush;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "farvel" || line == "exit" || line == "quit") break;
        adapters::ChatMessage message{"console", "", sender, line, "", {}};
        std::cout << render_plain(app.assistant().handle(message)) << "\n\n> " << std::flush;
    }
    std::cout << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
