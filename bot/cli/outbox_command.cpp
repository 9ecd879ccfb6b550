// `superbot outbox`: the messages the bot could not deliver, sending one again, withdrawing
// queued messages (one, or all of a release's) and closing parked ones a coordinator has handled.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/confirm.hpp"
#include "bot/cli/setup.hpp"
#include "bot/counted.hpp"
#include "bot/error.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "storage/outbox.hpp"
#include "storage/releases.hpp"

#include <iostream>

namespace superbruger::bot::cli {

namespace {
constexpr char const* usage =
    "Brug: superbot outbox failed                  de parkerede beskeder, med årsag\n"
    "      superbot outbox retry ID                sæt en parkeret besked i kø igen\n"
    "      superbot outbox dismiss ID              luk en parkeret besked, der er taget hånd om\n"
    "      superbot outbox cancel ID               træk en besked i kø tilbage\n"
    "      superbot outbox cancel --release NAVN [--yes]   træk en releases beskeder i kø tilbage og stop dens påmindelser\n"
    "      [--config FIL] [--lang da|en] til dem alle\n"
    "\n"
    "Beskeder, som botten sender af sig selv (notifikationer, meddelelser, påmindelser), parkeres\n"
    "efter outbox.max_attempts mislykkede forsøg, eller med det samme, når platformen ikke kan nås.\n"
    "En tilbagetrukket eller lukket besked beholder sin nøgle, så den samme årsag ikke sætter den i\n"
    "kø igen.\n";

std::int64_t message_id(std::string const& word, knowledge::Language lang) {
    try {
        std::size_t used = 0;
        auto const id = std::stoll(word, &used);
        if (used == word.size() && id > 0) return id;
    } catch (std::exception const&) {
    }
    throw BotError(BotError::Kind::usage, say(lang, "der skal et besked-id til (se superbot outbox failed)", "a message id is needed (see superbot outbox failed)"));
}

/// Why a message with this id could not be changed, from its status.
std::string not_changed(std::string const& status, std::int64_t id, knowledge::Language lang) {
    auto const n = std::to_string(id);
    if (status.empty()) return say(lang, "ingen besked med id " + n, "no message with id " + n);
    auto const danish = status == "pending" ? "i kø" : status == "sent" ? "sendt" : status == "parked" ? "parkeret"
                      : status == "cancelled" ? "trukket tilbage" : status == "dismissed" ? "lukket" : status;
    return say(lang, "besked " + n + " er " + danish + ", så den kan ikke ændres sådan",
               "message " + n + " is " + status + ", so it cannot be changed that way");
}
}  // namespace

int run_outbox(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help", "--yes"}, {"--config", "--lang", "--release"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto lang = cli_language(args);
    auto const& words = args.positionals();
    auto const& action = words.front();
    if (action == "failed" && words.size() == 1) {
        App app(load_config_and_logging(args, true));
        lang = cli_language(args, &app.config());
        auto const parked = storage::Outbox(app.database()).with_status("parked");
        for (auto const& m : parked) {
            auto text = reply_from_json(nlohmann::json::parse(m.message, nullptr, false)).text;
            if (text.size() > 80) text = text.substr(0, 77) + "...";
            std::cout << m.id << "\t" << m.platform << ":" << m.recipient << "\t" << say(lang, counted(static_cast<std::size_t>(m.attempts), "forsøg", "forsøg"), counted(static_cast<std::size_t>(m.attempts), "attempt", "attempts")) << "\t"
                      << m.last_error << "\t" << text << "\n";
        }
        if (parked.empty()) std::cout << say(lang, "ingen parkerede beskeder\n", "no parked messages\n");
        return exit_ok;
    }
    if ((action == "retry" || action == "dismiss") && words.size() == 2) {
        auto const id = message_id(words[1], lang);
        App app(load_config_and_logging(args, true));
        lang = cli_language(args, &app.config());
        storage::Outbox outbox(app.database());
        bool const done = action == "retry" ? outbox.retry(id, utc_timestamp()) : outbox.dismiss(id, utc_timestamp());
        if (!done) throw BotError(BotError::Kind::user_facing, not_changed(outbox.status_of(id), id, lang));
        std::cout << (action == "retry" ? say(lang, "besked " + words[1] + " er i kø igen; den kørende server sender den inden for sit poll-interval\n",
                                              "message " + words[1] + " is queued again; the running server sends it within its poll interval\n")
                                        : say(lang, "besked " + words[1] + " er lukket\n", "message " + words[1] + " is closed\n"));
        return exit_ok;
    }
    if (action == "cancel" && words.size() == 2 && !args.option("--release")) {
        auto const id = message_id(words[1], lang);
        App app(load_config_and_logging(args, true));
        lang = cli_language(args, &app.config());
        storage::Outbox outbox(app.database());
        if (!outbox.cancel(id, utc_timestamp())) {
            auto const status = outbox.status_of(id);
            if (status == "pending") {
                throw BotError(BotError::Kind::user_facing, say(lang, "besked " + words[1] + " bliver sendt lige nu og kan ikke trækkes tilbage",
                                                                "message " + words[1] + " is being sent right now and cannot be withdrawn"));
            }
            throw BotError(BotError::Kind::user_facing, not_changed(status, id, lang));
        }
        std::cout << say(lang, "besked " + words[1] + " er trukket tilbage\n", "message " + words[1] + " is withdrawn\n");
        return exit_ok;
    }
    if (action == "cancel" && words.size() == 1 && args.option("--release")) {
        App app(load_config_and_logging(args, true));
        lang = cli_language(args, &app.config());
        auto const release = releases::ReleaseRegistry(app.database()).find(*args.option("--release"));
        if (!release) throw BotError(BotError::Kind::user_facing, say(lang, "ingen release hedder '", "no release called '") + *args.option("--release") + "'");
        storage::Outbox outbox(app.database());
        auto const causes = releases::ReminderPlanner::causes_of(release->id);
        auto const queued = outbox.pending_by_cause(causes);
        bool const reminding = release->reminders_stopped_at.empty();
        std::cout << say(lang, counted(queued, "besked", "beskeder") + " om ", counted(queued, "queued message", "queued messages") + " about ")
                  << release->name << say(lang, " er i kø.\n", ".\n");
        if (queued == 0 && !reminding) return exit_ok;
        // Withdrawing a release's messages stops its later reminders too: otherwise the next
        // reminder date would queue them again.
        if (!confirmed(args.flag("--yes"), say(lang, "Træk dem tilbage og stop de senere påmindelser?", "Withdraw them and stop the later reminders?"), lang)) {
            std::cerr << say(lang, "Intet er trukket tilbage.\n", "Nothing was withdrawn.\n");
            return exit_failure;
        }
        std::size_t cancelled = 0;
        app.database().write_all_or_nothing([&] {
            cancelled = outbox.cancel_by_cause(causes, utc_timestamp());
            storage::Releases(app.database()).set_reminders_stopped(release->id, utc_timestamp());
        });
        std::cout << say(lang, counted(cancelled, "besked", "beskeder") + " trukket tilbage\n", counted(cancelled, "message", "messages") + " withdrawn\n");
        std::cout << say(lang, "De senere påmindelser om " + release->name + " er stoppet; »superbot releases reminders \"" + release->name + "\" on« starter dem igen.\n",
                         "The later reminders about " + release->name + " are stopped; \"superbot releases reminders '" + release->name + "' on\" starts them again.\n");
        return exit_ok;
    }
    throw BotError(BotError::Kind::usage, say(lang, "ukendt outbox-handling (superbot outbox --help)", "unknown outbox action (see superbot outbox --help)"));
}

}  // namespace superbruger::bot::cli
