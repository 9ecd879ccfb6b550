// `superbot releases`: register DUBU releases (after a preview of what every superbruger will
// get), correct their item split, remove one registered by mistake, list, show and report.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/confirm.hpp"
#include "bot/cli/setup.hpp"
#include "bot/counted.hpp"
#include "bot/csv.hpp"
#include "bot/error.hpp"
#include "bot/releases/item_changes.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/release_texts.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "bot/releases/review_progress.hpp"
#include "bot/time_format.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/release_reviews.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Brug: superbot releases add --name NAVN --date ÅÅÅÅ-MM-DD --deadline ÅÅÅÅ-MM-DD --notes FIL [--by NAVN]\n"
    "                            [--yes] [--allow-past]\n"
    "      superbot releases items NAVN --notes FIL [--yes]   (ret opdelingen i punkter)\n"
    "      superbot releases remove NAVN [--yes]              (kun før den første gennemgang)\n"
    "      superbot releases list\n"
    "      superbot releases show NAVN\n"
    "      superbot releases report NAVN [--format md|csv] [--excel]   (netværkets fremdrift)\n"
    "      superbot releases reminders NAVN on|off             (start eller stop releasens påmindelser)\n"
    "      [--config FIL] [--lang da|en] til dem alle\n"
    "\n"
    "Notes-filen er release notes som tekst eller Markdown: hvert punkt på øverste niveau og hver\n"
    "overskrift med egen tekst bliver et nummereret punkt, som hver kommune gennemgår.\n"
    "add viser først releasen, meddelelsen og hvor mange superbrugere den sendes til, og\n"
    "registrerer først efter et »ja« (eller med --yes i scripts). En releasedato i fortiden eller\n"
    "mere end to år fremme kræver også --allow-past. Releasen og alle meddelelser gemmes samlet:\n"
    "et afbrudt add efterlader intet halvt. Er opdelingen forkert, så ret teksten og giv den til\n"
    "items. remove sletter en release, der ingen gennemgang har fået, og trækker dens meddelelser\n"
    "tilbage; se også superbot outbox cancel.\n";

std::string read_text(std::string const& path, knowledge::Language lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, say(lang, "kan ikke læse ", "cannot read ") + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string required(Arguments const& args, std::string const& name, knowledge::Language lang) {
    auto v = args.option(name);
    if (!v || v->empty()) {
        throw BotError(BotError::Kind::usage, say(lang, "denne handling kræver ", "this action needs ") + name + " (superbot releases --help)");
    }
    return *v;
}

void print_items(storage::Release const& r) {
    for (auto const& item : r.items) std::cout << "  " << item.number << ". " << item.title << "\n";
}

storage::Release find_or_refuse(releases::ReleaseRegistry& registry, std::string const& name, knowledge::Language lang) {
    auto release = registry.find(name);
    if (!release) {
        throw BotError(BotError::Kind::user_facing, say(lang, "ingen release hedder '", "no release called '") + name +
                                                        say(lang, "' (se superbot releases list)", "' (see superbot releases list)"));
    }
    return *release;
}

int add(App& app, Arguments const& args, knowledge::Language lang) {
    releases::ReleaseRegistry registry(app.database());
    releases::NewRelease const wanted{required(args, "--name", lang), required(args, "--date", lang), required(args, "--deadline", lang),
                                      read_text(required(args, "--notes", lang), lang), args.option("--by").value_or("cli")};
    auto const preview = registry.prepare(wanted, lang);
    releases::ReminderPlanner planner(app.database(), app.directory(), app.config().releases.reminder_offsets_days, municipality_channels(app.config()));
    auto const reach = planner.announcement_reach();

    std::cout << preview.name << say(lang, ": releasedato ", ": release date ") << preview.release_date
              << say(lang, ", gennemgang senest ", ", reviews due ") << preview.deadline << ", " << preview.items.size()
              << say(lang, " punkter:\n", " items:\n");
    print_items(preview);
    if (reach.recipients == 0) {
        std::cout << say(lang, "Meddelelsen når ingen: ingen superbruger kan nås i chat endnu.\n",
                         "The announcement reaches no one: no superbruger can be reached in chat yet.\n");
    } else {
        std::cout << say(lang, "Meddelelsen, som den lyder i ", "The announcement as it reads in ") << reach.example_municipality << ":\n  "
                  << releases::texts::announcement(preview, reach.example_municipality) << "\n"
                  << say(lang, "Den sendes til ", "It goes to ") << reach.recipients << say(lang, " superbrugere i ", " superbrugere in ")
                  << reach.municipalities << say(lang, " kommuner i næste hverdagsvindue (8-16 dansk tid).\n",
                                                 " municipalities in the next weekday window (8-16 Danish time).\n");
    }
    auto const unusual = releases::unusual_release_date(preview.release_date, copenhagen_time(utc_timestamp()).substr(0, 10));
    if (!unusual.empty()) {
        std::cout << say(lang, "Bemærk: releasedatoen ", "Note: the release date ") << preview.release_date << " "
                  << say(lang, unusual, unusual.starts_with("ligger i fortiden") ? "is in the past" : "is more than two years ahead")
                  << say(lang, "; er det en tastefejl?\n", "; is it a typo?\n");
        if (!args.flag("--allow-past") &&
            !confirmed(false, say(lang, "Er datoen rigtig?", "Is the date right?"), lang)) {
            std::cerr << say(lang, "Intet er registreret. Ret datoen, eller gentag med --allow-past, hvis den er rigtig.\n",
                             "Nothing was registered. Correct the date, or repeat with --allow-past if it is right.\n");
            return exit_failure;
        }
    }
    if (!confirmed(args.flag("--yes"), say(lang, "Registrér releasen og send meddelelsen?", "Register the release and send the announcement?"), lang)) {
        std::cerr << say(lang, "Intet er registreret (bekræft med ja, eller --yes i et script).\n",
                         "Nothing was registered (confirm with yes, or --yes in a script).\n");
        return exit_failure;
    }
    // One transaction: a release is never stored with only some of its announcements queued, so
    // a run killed half-way leaves nothing and can simply be run again.
    storage::Release release;
    std::size_t announced = 0;
    app.database().write_all_or_nothing([&] {
        release = registry.add(wanted, lang);
        announced = planner.announce(release, std::chrono::system_clock::now());
    });
    std::cout << say(lang, "Registreret: ", "Registered: ") << release.name << say(lang, "; meddelelsen er sat i kø til ", "; the announcement is queued for ")
              << announced << say(lang, " superbrugere (den kørende server sender den).\n", " superbrugere (the running server sends it).\n");
    return exit_ok;
}

int remove(App& app, std::string const& name, bool yes, knowledge::Language lang) {
    releases::ReleaseRegistry registry(app.database());
    auto const release = find_or_refuse(registry, name, lang);
    if (!storage::ReleaseReviews(app.database()).of_release(release.id).empty()) {
        throw BotError(BotError::Kind::user_facing,
                       say(lang, release.name + " er allerede gennemgået af mindst én kommune og kan ikke fjernes; ret den med releases items",
                           release.name + " has been reviewed by at least one municipality and cannot be removed; correct it with releases items"));
    }
    storage::Outbox outbox(app.database());
    auto const causes = releases::ReminderPlanner::causes_of(release.id);
    auto const queued = outbox.pending_by_cause(causes);
    std::cout << release.name << " (" << release.release_date << ")"
              << say(lang, " fjernes, og " + counted(queued, "meddelelse", "meddelelser") + " i kø trækkes tilbage.\n",
                     " is removed, and " + counted(queued, "queued message is", "queued messages are") + " withdrawn.\n");
    if (!confirmed(yes, say(lang, "Fjern releasen?", "Remove the release?"), lang)) {
        std::cerr << say(lang, "Intet er fjernet.\n", "Nothing was removed.\n");
        return exit_failure;
    }
    app.database().write_all_or_nothing([&] {
        outbox.forget_by_cause(causes);
        registry.store().remove(release.id);
    });
    std::cout << say(lang, "Fjernet: ", "Removed: ") << release.name << "\n";
    return exit_ok;
}

/// The corrected split as a diff, then (after a yes when saved answers move) applied.
int correct_items(releases::ReleaseRegistry& registry, std::string const& name, std::string const& notes, bool yes, knowledge::Language lang) {
    auto const plan = registry.plan_correction(name, notes, lang);
    using Kind = releases::ItemChange::Kind;
    std::cout << plan.release.name << say(lang, ": den nye opdeling i forhold til den gemte\n", ": the new split against the stored one\n");
    for (auto const& c : plan.changes) {
        std::string line;
        auto const answers = c.answers == 0 ? std::string()
                                            : ", " + say(lang, counted(static_cast<std::size_t>(c.answers), "gemt svar", "gemte svar"),
                                                         counted(static_cast<std::size_t>(c.answers), "saved answer", "saved answers"));
        switch (c.kind) {
        case Kind::unchanged:
            line = "  = " + std::to_string(c.new_number) + ". " + c.title +
                   (c.old_number == c.new_number ? say(lang, " (uændret", " (unchanged")
                                                 : say(lang, " (uændret, var nr. ", " (unchanged, was no. ") + std::to_string(c.old_number)) +
                   answers + (c.answers > 0 && c.old_number != c.new_number ? say(lang, ", der flytter med", " that move with it") : "") + ")";
            break;
        case Kind::changed:
            line = "  ~ " + std::to_string(c.new_number) + ". " + c.title + say(lang, " (ændret tekst, var nr. ", " (text changed, was no. ") +
                   std::to_string(c.old_number) + answers + (c.answers > 0 ? say(lang, ", der flytter med", " that move with it") : "") + ")";
            break;
        case Kind::added:
            line = "  + " + std::to_string(c.new_number) + ". " + c.title + say(lang, " (nyt)", " (new)");
            break;
        case Kind::removed:
            line = "  - " + std::to_string(c.old_number) + ". " + c.title + say(lang, " (fjernet", " (removed") + answers +
                   (c.answers > 0 ? say(lang, ", der gemmes i historikken", " kept in the history") : "") + ")";
            break;
        }
        std::cout << line << "\n";
    }
    if (releases::moves_answers(plan.changes) &&
        !confirmed(yes, say(lang, "Flyt og gem de gemte svar som vist?", "Move and keep the saved answers as shown?"), lang)) {
        std::cerr << say(lang, "Intet er ændret (bekræft med ja, eller --yes i et script).\n",
                         "Nothing was changed (confirm with yes, or --yes in a script).\n");
        return exit_failure;
    }
    auto const release = registry.apply(plan);
    std::cout << release.name << say(lang, " har nu ", " now has ") << release.items.size() << say(lang, " punkter:\n", " items:\n");
    print_items(release);
    return exit_ok;
}

}  // namespace

int run_releases(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help", "--yes", "--allow-past", "--excel"},
                   {"--config", "--name", "--date", "--deadline", "--notes", "--by", "--format", "--lang"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto lang = cli_language(args);
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto need = [&](std::size_t n, std::string const& da, std::string const& en) {
        if (words.size() != n + 1) throw BotError(BotError::Kind::usage, action + say(lang, " kræver ", " needs ") + say(lang, da, en));
    };
    if (action == "add" || action == "list") need(0, "ikke flere ord", "no more words");
    else if (action == "show" || action == "items" || action == "report" || action == "remove") {
        need(1, "releasens navn (i anførselstegn: \"DUBU 3.4\")", "the release's name (quote it: \"DUBU 3.4\")");
    } else if (action == "reminders") {
        need(2, "releasens navn og on eller off", "the release's name and on or off");
        if (words[2] != "on" && words[2] != "off") throw BotError(BotError::Kind::usage, say(lang, "reminders tager on eller off", "reminders takes on or off"));
    } else {
        throw BotError(BotError::Kind::usage, say(lang, "ukendt releases-handling '", "unknown releases action '") + action + "' (superbot releases --help)");
    }

    App app(load_config_and_logging(args, true));
    lang = cli_language(args, &app.config());
    releases::ReleaseRegistry registry(app.database());
    if (action == "add") return add(app, args, lang);
    if (action == "remove") return remove(app, words[1], args.flag("--yes"), lang);
    if (action == "items") return correct_items(registry, words[1], read_text(required(args, "--notes", lang), lang), args.flag("--yes"), lang);
    if (action == "report") {
        auto const format = args.option("--format").value_or("md");
        if (format != "md" && format != "csv") throw BotError(BotError::Kind::usage, say(lang, "--format skal være md eller csv", "--format must be md or csv"));
        auto const release = find_or_refuse(registry, words[1], lang);
        auto const reviewers = releases::reviewers_of(app.directory().store());
        auto const reviews = storage::ReleaseReviews(app.database()).of_release(release.id);
        if (format == "md") {
            std::cout << releases::report_markdown(release, releases::network_progress(release, reviewers, reviews));
        } else {
            auto const report = releases::report_csv(release, reviewers.reviewing, reviews);
            std::cout << (args.flag("--excel") ? csv::for_excel(report) : report);
        }
        return exit_ok;
    }
    if (action == "reminders") {
        auto const release = find_or_refuse(registry, words[1], lang);
        bool const on = words[2] == "on";
        registry.store().set_reminders_stopped(release.id, on ? std::string() : utc_timestamp());
        std::cout << (on ? say(lang, "Påmindelserne om " + release.name + " er startet igen: en, der er forfalden imens, sendes i det næste "
                                     "sendevindue, de senere på deres dato.\n",
                               "The reminders about " + release.name + " are started again: one that fell due meanwhile goes out in the "
                                     "next send window, the later ones on their dates.\n")
                         : say(lang, "Påmindelserne om " + release.name + " er stoppet; de, der allerede er i kø, trækkes tilbage med superbot outbox cancel --release.\n",
                               "The reminders about " + release.name + " are stopped; those already queued are withdrawn with superbot outbox cancel --release.\n"));
        return exit_ok;
    }
    if (action == "list") {
        for (auto const& r : registry.store().all()) std::cout << r.name << "\t" << r.release_date << "\tfrist " << r.deadline << "\n";
        return exit_ok;
    }
    auto const release = find_or_refuse(registry, words[1], lang);
    std::cout << release.name << say(lang, "\nreleasedato: ", "\nrelease date: ") << release.release_date
              << say(lang, "\ngennemgang senest: ", "\nreviews due: ") << release.deadline << say(lang, "\nregistreret: ", "\nregistered: ")
              << copenhagen_time(release.created_at) << say(lang, " af ", " by ") << release.created_by << say(lang, "\npunkter:\n", "\nitems:\n");
    print_items(release);
    return exit_ok;
}

}  // namespace superbruger::bot::cli
