// `superbot directory`: the role directory from the command line (import, export, phase,
// forget, and the export of what is held on one person).
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"
#include "bot/time_format.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Usage: superbot directory import [--config FILE] [--replace] FILE.csv\n"
    "       superbot directory export [--config FILE] [--person EMAIL]\n"
    "       superbot directory phase [--config FILE] KOMMUNE 1|2|3|4\n"
    "       superbot directory forget [--config FILE] EMAIL\n"
    "\n"
    "  import   reads municipalities, people and roles (columns: kommune, kommunenummer, fase, navn,\n"
    "           email, titel, rolle, system, fra, koordinator, teams_tenant); every row is checked\n"
    "           first and either all rows are written or none, with bad rows listed by line.\n"
    "           --replace lets a row name a new systemansvarlig and end the current one's term.\n"
    "  export   the directory as CSV (the import's columns) on stdout; with --person, everything\n"
    "           held on that person as JSON (their right of access)\n"
    "  phase    moves a municipality to an implementation phase; entering phase 4 ends the\n"
    "           projektleder and projektejer terms\n"
    "  forget   erases a person: their roles end, and name, e-mail, title and chat identities are\n"
    "           removed, also from the audit, which keeps only an id\n";

storage::Change cli_change() {
    auto const* user = std::getenv("USER");
    auto const now = utc_timestamp();
    return {std::string("cli:") + (user != nullptr ? user : "unknown"), now, now.substr(0, 10)};
}

std::string read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, "cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int import(App& app, std::string const& path, bool replace) {
    auto const result = directory::import_csv(read_file(path), app.directory(), cli_change(), replace);
    if (!result.problems.empty()) {
        for (auto const& p : result.problems) std::cerr << path << (p.line > 0 ? ":" + std::to_string(p.line) : "") << ": " << p.message << '\n';
        std::cerr << "nothing was imported (" << result.problems.size() << " problem(s))\n";
        return exit_failure;
    }
    std::cout << "imported: " << result.municipalities << " municipality row(s), " << result.people << " person row(s), "
              << result.assignments_added << " new role assignment(s), " << result.assignments_kept << " already held, "
              << result.terms_ended << " systemansvarlig term(s) ended\n";
    return exit_ok;
}

int export_person(App& app, std::string const& email) {
    auto& store = app.directory().store();
    auto const person = store.person_with_email(email);
    if (!person) throw BotError(BotError::Kind::usage, "no person with e-mail " + email);
    nlohmann::json out = {{"id", person->id}, {"name", person->name}, {"email", person->email}, {"title", person->title},
                          {"coordinator", person->coordinator}};
    out["roles"] = nlohmann::json::array();
    for (auto const& a : store.assignments_of(person->id)) {
        out["roles"].push_back({{"role", a.role}, {"municipality", a.municipality.name}, {"system", a.system},
                                {"from", a.valid_from}, {"to", a.valid_to}});
    }
    out["changes"] = nlohmann::json::array();
    for (auto const& e : store.audit_of(person->id)) {
        out["changes"].push_back({{"at", e.at}, {"by", e.actor}, {"action", e.action}, {"before", e.before}, {"after", e.after}});
    }
    std::cout << json_text(out, 2) << '\n';
    return exit_ok;
}

int phase(App& app, std::string const& name, std::string const& value) {
    auto const municipality = app.directory().municipality_named(name);
    if (!municipality) throw BotError(BotError::Kind::usage, "no municipality called '" + name + "'");
    if (value.size() != 1 || value[0] < '1' || value[0] > '4') throw BotError(BotError::Kind::usage, "the phase must be 1, 2, 3 or 4");
    auto const ended = app.directory().set_phase(*municipality, value[0] - '0', cli_change());
    std::cout << municipality->name << " is now in phase " << value;
    if (!ended.empty()) std::cout << "; ended " << ended.size() << " project role term(s)";
    std::cout << '\n';
    return exit_ok;
}

}  // namespace

int run_directory(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help", "--replace"}, {"--config", "--person"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto need = [&](std::size_t n, char const* what) {
        if (words.size() != n + 1) throw BotError(BotError::Kind::usage, action + " needs " + what);
    };
    if (action == "import") need(1, "one CSV file");
    else if (action == "export") need(0, "no arguments");
    else if (action == "phase") need(2, "a municipality and a phase");
    else if (action == "forget") need(1, "one e-mail address");
    else throw BotError(BotError::Kind::usage, "unknown directory action '" + action + "' (see superbot directory --help)");

    App app(load_config_and_logging(args, true));
    if (action == "import") return import(app, words[1], args.flag("--replace"));
    if (action == "phase") return phase(app, words[1], words[2]);
    if (action == "forget") {
        if (!app.directory().store().forget(words[1], cli_change())) throw BotError(BotError::Kind::usage, "no person with e-mail " + words[1]);
        std::cout << "erased " << words[1] << ": roles ended, personal data removed\n";
        return exit_ok;
    }
    if (auto email = args.option("--person")) return export_person(app, *email);
    std::cout << directory::export_csv(app.directory());
    return exit_ok;
}

}  // namespace superbruger::bot::cli
