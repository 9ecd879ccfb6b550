// `superbot outbox`: the messages the bot could not deliver, and sending one again.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "storage/outbox.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Usage: superbot outbox failed [--config FILE]     the parked messages, with why\n"
    "       superbot outbox retry ID [--config FILE]   queue a parked message again\n"
    "\n"
    "Messages the bot sends on its own (notifications, announcements, reminders) are parked\n"
    "after outbox.max_attempts failed sends, or at once when their platform cannot be reached.\n";
}  // namespace

int run_outbox(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto const& action = words.front();
    if (action == "failed" && words.size() == 1) {
        App app(load_config_and_logging(args, true));
        auto const parked = storage::Outbox(app.database()).with_status("parked");
        for (auto const& m : parked) {
            auto text = reply_from_json(nlohmann::json::parse(m.message, nullptr, false)).text;
            if (text.size() > 80) text = text.substr(0, 77) + "...";
            std::cout << m.id << "\t" << m.platform << ":" << m.recipient << "\t" << m.attempts << " attempts\t" << m.last_error << "\t" << text
                      << "\n";
        }
        if (parked.empty()) std::cout << "no parked messages\n";
        return exit_ok;
    }
    if (action == "retry" && words.size() == 2) {
        std::int64_t id = 0;
        try {
            id = std::stoll(words[1]);
        } catch (std::exception const&) {
            throw BotError(BotError::Kind::usage, "retry needs a message id (see superbot outbox failed)");
        }
        App app(load_config_and_logging(args, true));
        if (!storage::Outbox(app.database()).retry(id, utc_timestamp())) {
            throw BotError(BotError::Kind::user_facing, "no parked message with id " + words[1] + " (see superbot outbox failed)");
        }
        std::cout << "message " << id << " is queued again; the running server sends it within its poll interval\n";
        return exit_ok;
    }
    throw BotError(BotError::Kind::usage, "unknown outbox action (see superbot outbox --help)");
}

}  // namespace superbruger::bot::cli
