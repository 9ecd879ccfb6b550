// `superbot releases`: register DUBU releases, correct their item split, list and show them.
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "bot/releases/review_progress.hpp"
#include "storage/release_reviews.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Usage: superbot releases add --name NAME --date YYYY-MM-DD --deadline YYYY-MM-DD --notes FILE [--by NAME]\n"
    "       superbot releases items NAME --notes FILE   (correct the split into items)\n"
    "       superbot releases list\n"
    "       superbot releases show NAME\n"
    "       superbot releases report NAME [--format md|csv]   (the network's review progress)\n"
    "       [--config FILE] with any of them\n"
    "\n"
    "The notes file is the release notes as text or Markdown: each top-level bullet, and each\n"
    "heading with text of its own, becomes a numbered item that every municipality reviews.\n"
    "If the split is wrong, edit the text (add or remove bullets) and give it to `items`.\n";

std::string read_text(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, "cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string required(Arguments const& args, std::string const& name) {
    auto v = args.option(name);
    if (!v || v->empty()) throw BotError(BotError::Kind::usage, "this action needs " + name + " (see superbot releases --help)");
    return *v;
}

void print_items(storage::Release const& r) {
    for (auto const& item : r.items) std::cout << "  " << item.number << ". " << item.title << "\n";
}

}  // namespace

int run_releases(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--name", "--date", "--deadline", "--notes", "--by", "--format"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto need = [&](std::size_t n, char const* what) {
        if (words.size() != n + 1) throw BotError(BotError::Kind::usage, action + " needs " + what);
    };
    if (action == "add" || action == "list") need(0, "no more words");
    else if (action == "show" || action == "items" || action == "report") need(1, "the release's name (quote it: \"DUBU 3.4\")");
    else throw BotError(BotError::Kind::usage, "unknown releases action '" + action + "' (see superbot releases --help)");

    App app(load_config_and_logging(args, true));
    releases::ReleaseRegistry registry(app.database());
    if (action == "add") {
        auto const release = registry.add({required(args, "--name"), required(args, "--date"), required(args, "--deadline"),
                                           read_text(required(args, "--notes")), args.option("--by").value_or("cli")});
        std::cout << "registered " << release.name << " (" << release.release_date << ", reviews due " << release.deadline << ") with "
                  << release.items.size() << " items:\n";
        print_items(release);
        releases::ReminderPlanner planner(app.database(), app.directory(), app.config().releases.reminder_offsets_days);
        auto const announced = planner.announce(release, std::chrono::system_clock::now());
        std::cout << "announcement queued for " << announced << " superbrugere (sent by the running server in the next weekday window)\n";
        return exit_ok;
    }
    if (action == "items") {
        auto const release = registry.correct_items(words[1], read_text(required(args, "--notes")));
        std::cout << release.name << " now has " << release.items.size() << " items:\n";
        print_items(release);
        return exit_ok;
    }
    if (action == "report") {
        auto const format = args.option("--format").value_or("md");
        if (format != "md" && format != "csv") throw BotError(BotError::Kind::usage, "--format must be md or csv");
        auto const release = registry.find(words[1]);
        if (!release) throw BotError(BotError::Kind::user_facing, "no release called '" + words[1] + "' (see superbot releases list)");
        auto const reviewers = releases::reviewers_of(app.directory().store());
        auto const reviews = storage::ReleaseReviews(app.database()).of_release(release->id);
        std::cout << (format == "md" ? releases::report_markdown(*release, releases::network_progress(*release, reviewers, reviews))
                                     : releases::report_csv(*release, reviewers.reviewing, reviews));
        return exit_ok;
    }
    if (action == "list") {
        for (auto const& r : registry.store().all()) std::cout << r.name << "\t" << r.release_date << "\tfrist " << r.deadline << "\n";
        return exit_ok;
    }
    auto const release = registry.find(words[1]);
    if (!release) throw BotError(BotError::Kind::user_facing, "no release called '" + words[1] + "' (see superbot releases list)");
    std::cout << release->name << "\nrelease date: " << release->release_date << "\nreviews due: " << release->deadline
              << "\nregistered: " << release->created_at << " by " << release->created_by << "\nitems:\n";
    print_items(*release);
    return exit_ok;
}

}  // namespace superbruger::bot::cli
