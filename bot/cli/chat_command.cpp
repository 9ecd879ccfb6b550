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
constexpr char const* usage_da =
    "Brug: superbot chat [--config FIL] [--as EMAIL] [--lang da|en]\n"
    "\n"
    "Tal med botten i terminalen. Skriv »hjælp« for hjælp; slut med »farvel«, »exit« eller Ctrl-D.\n"
    "--as EMAIL taler som den person i rollekataloget; hver person er sin egen chatidentitet (egne\n"
    "kladder, egne ønsker). »/som EMAIL« eller »/as EMAIL« skifter person undervejs. Beskeder,\n"
    "botten selv sender en person (en statusændring, en støtte), vises, når personen skriver næste gang.\n";
constexpr char const* usage_en =
    "Usage: superbot chat [--config FILE] [--as EMAIL] [--lang da|en]\n"
    "\n"
    "Talk to the bot in the terminal. Write \"hjælp\" for help; end with \"farvel\", \"exit\" or Ctrl-D.\n"
    "--as EMAIL talks as that person of the role directory; each person is their own chat identity\n"
    "(own drafts, own requests). \"/som EMAIL\" or \"/as EMAIL\" switches person during the session.\n"
    "Messages the bot sends a person on its own (a status change, a support) are shown when that\n"
    "person next writes.\n";
}  // namespace

int run_chat(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--as", "--lang"});
    args.parse();
    auto lang = cli_language(args);
    if (args.flag("--help")) {
        std::cout << say(lang, usage_da, usage_en);
        return exit_ok;
    }
    App app(load_config_and_logging(args, true));
    lang = cli_language(args, &app.config());
    auto const* user = std::getenv("USER");
    ConsoleChat console(app.assistant(), app.database(), user != nullptr ? user : "console");
    console.act_as(args.option("--as").value_or(""));

    std::cout << say(lang, "Superbruger-bot. Skriv et spørgsmål, »hjælp« eller »farvel«.\n> ",
                     "Superbruger-bot. Write a question, \"help\" or \"exit\".\n> ")
              << std::flush;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "farvel" || line == "exit" || line == "quit") break;
        std::cout << console.say(line) << "\n\n> " << std::flush;
    }
    std::cout << '\n';
    return exit_ok;
}

}  // namespace superbruger::bot::cli
