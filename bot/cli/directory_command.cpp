// `superbot directory`: the role directory from the command line (import, export, phase,
// forget, and the export of what is held on one person).
#include "bot/app.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/counted.hpp"
#include "bot/csv.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/error.hpp"
#include "bot/json_text.hpp"
#include "bot/text_encoding.hpp"
#include "bot/time_format.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Brug: superbot directory import [--config FILE] [--dry-run] [--replace] [--clear-empty]\n"
    "                                [--encoding utf-8|cp1252] [--lang da|en] FILE.csv\n"
    "      superbot directory export [--config FILE] [--excel] [--person EMAIL]\n"
    "      superbot directory phase [--config FILE] KOMMUNE 1|2|3|4\n"
    "      superbot directory forget [--config FILE] EMAIL\n"
    "\n"
    "  import   læser kommuner, personer og roller (kolonner: kommune, kommunenummer, fase, navn,\n"
    "           email, titel, rolle, system, fra, koordinator, platform, tenant, identitet;\n"
    "           de tidligere teams_tenant og teams_objektid læses også).\n"
    "           Kommuner genkendes på kommunenummer, personer på e-mail. Alle rækker kontrolleres\n"
    "           først, og enten skrives alle eller ingen; fejl vises med linjenummer. Bagefter\n"
    "           vises pr. kommune og person, hvad der blev tilføjet, ændret (felt: gammel → ny)\n"
    "           og afsluttet.\n"
    "           --dry-run       viser ændringerne uden at skrive noget\n"
    "           --replace       en række må udpege en ny systemansvarlig og afslutte den nuværendes periode\n"
    "           --clear-empty   en tom titel- eller koordinator-celle sletter den gemte værdi\n"
    "                           (ellers bevarer en tom celle det gemte)\n"
    "           --encoding      utf-8 (standard; ugyldig UTF-8 afvises med linjen) eller cp1252\n"
    "                           (Windows-1252, som dansk Excel gemmer \"CSV\")\n"
    "  export   kataloget som CSV (importens kolonner) på stdout; kan importeres igen uden tab.\n"
    "           --excel: semikolon, UTF-8-BOM og CRLF, så dansk Excel åbner den i kolonner.\n"
    "           Med --person alt, der er gemt om personen, som JSON (indsigtsret)\n"
    "  phase    flytter en kommune til en implementeringsfase; fase 4 afslutter\n"
    "           projektleder- og projektejer-perioderne\n"
    "  forget   sletter en person: roller afsluttes, og navn, e-mail, titel og chat-identiteter\n"
    "           fjernes, også fra revisionssporet, der kun beholder et id\n"
    "  --lang en skriver beskederne på engelsk.\n";

storage::Change cli_change() {
    auto const* user = std::getenv("USER");
    auto const now = utc_timestamp();
    return {std::string("cli:") + (user != nullptr ? user : "unknown"), now, copenhagen_time(now).substr(0, 10)};
}

std::string read_file(std::string const& path, knowledge::Language lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, say(lang, "kan ikke læse ", "cannot read ") + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The file as UTF-8: checked as it is, or converted from Windows-1252 when asked.
std::optional<std::string> read_text(std::string const& path, std::string const& encoding, knowledge::Language lang) {
    auto bytes = read_file(path, lang);
    if (encoding == "cp1252") {
        int bad_line = 0;
        auto converted = cp1252_to_utf8(bytes, bad_line);
        if (!converted) {
            std::cerr << path << ":" << bad_line << ": "
                      << say(lang, "en byte, der ikke er et Windows-1252-tegn; er filen gemt i en anden tegnkodning?",
                             "a byte that is not a Windows-1252 character; is the file saved in another encoding?")
                      << '\n';
            return std::nullopt;
        }
        return converted;
    }
    if (auto const line = first_invalid_utf8_line(bytes)) {
        std::cerr << path << ":" << *line << ": "
                  << say(lang, "ikke gyldig UTF-8; er filen gemt af Excel som \"CSV\" (Windows-1252)? Så importér med --encoding cp1252",
                         "not valid UTF-8; was the file saved by Excel as \"CSV\" (Windows-1252)? Then import with --encoding cp1252")
                  << '\n';
        return std::nullopt;
    }
    return bytes;
}

int import(App& app, std::string const& path, directory::ImportOptions const& options, std::string const& encoding) {
    auto const lang = options.lang;
    auto const text = read_text(path, encoding, lang);
    if (!text) {
        std::cerr << say(lang, "intet blev importeret\n", "nothing was imported\n");
        return exit_failure;
    }
    auto const result = directory::import_csv(*text, app.directory(), cli_change(), options);
    if (!result.problems.empty()) {
        for (auto const& p : result.problems) std::cerr << path << (p.line > 0 ? ":" + std::to_string(p.line) : "") << ": " << p.message << '\n';
        std::cerr << say(lang, "intet blev importeret (" + counted(result.problems.size(), "problem", "problemer") + ")\n",
                         "nothing was imported (" + counted(result.problems.size(), "problem", "problems") + ")\n");
        return exit_failure;
    }
    if (options.dry_run) std::cout << say(lang, "Prøvekørsel: intet er skrevet. Sådan ville importen ændre kataloget:\n",
                                          "Dry run: nothing was written. This is how the import would change the directory:\n");
    for (auto const& line : result.report) std::cout << line << '\n';
    if (result.report.empty()) std::cout << say(lang, "Ingen ændringer.\n", "No changes.\n");
    std::cout << (options.dry_run ? say(lang, "Ville give: ", "Would give: ") : say(lang, "Importeret: ", "Imported: "))
              << directory::import_summary(result, lang) << '\n';
    return exit_ok;
}

int export_person(App& app, std::string const& email, knowledge::Language lang) {
    auto& store = app.directory().store();
    auto const person = store.person_with_email(email);
    if (!person) throw BotError(BotError::Kind::usage, say(lang, "ingen person med e-mail ", "no person with e-mail ") + email);
    nlohmann::json out = {{"id", person->id}, {"name", person->name}, {"email", person->email}, {"title", person->title},
                          {"coordinator", person->coordinator}};
    out["municipality"] = nullptr;
    if (person->municipality_id) {
        if (auto const home = store.municipality(*person->municipality_id)) out["municipality"] = home->name;
    }
    out["identities"] = nlohmann::json::array();
    for (auto const& [platform, id] : store.identities_of(person->id)) out["identities"].push_back({{"platform", platform}, {"id", id}});
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

int phase(App& app, std::string const& name, std::string const& value, knowledge::Language lang) {
    auto const municipality = app.directory().municipality_named(name);
    if (!municipality) throw BotError(BotError::Kind::usage, say(lang, "ingen kommune hedder '", "no municipality called '") + name + "'");
    if (value.size() != 1 || value[0] < '1' || value[0] > '4') {
        throw BotError(BotError::Kind::usage, say(lang, "fasen skal være 1, 2, 3 eller 4", "the phase must be 1, 2, 3 or 4"));
    }
    auto const ended = app.directory().set_phase(*municipality, value[0] - '0', cli_change());
    std::cout << municipality->name << say(lang, " er nu i fase ", " is now in phase ") << value;
    if (!ended.empty()) {
        std::cout << say(lang, "; afsluttede " + counted(ended.size(), "projektrolle-periode", "projektrolle-perioder"),
                         "; ended " + counted(ended.size(), "project role term", "project role terms"));
    }
    std::cout << '\n';
    return exit_ok;
}

}  // namespace

int run_directory(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help", "--replace", "--dry-run", "--clear-empty", "--excel"}, {"--config", "--person", "--encoding", "--lang"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto lang = cli_language(args);
    auto const& words = args.positionals();
    auto const& action = words.front();
    auto need = [&](std::size_t n, std::string const& da, std::string const& en) {
        if (words.size() != n + 1) throw BotError(BotError::Kind::usage, action + say(lang, " kræver ", " needs ") + say(lang, da, en));
    };
    if (action == "import") need(1, "én CSV-fil", "one CSV file");
    else if (action == "export") need(0, "ingen argumenter", "no arguments");
    else if (action == "phase") need(2, "en kommune og en fase", "a municipality and a phase");
    else if (action == "forget") need(1, "én e-mailadresse", "one e-mail address");
    else throw BotError(BotError::Kind::usage, say(lang, "ukendt directory-handling '", "unknown directory action '") + action + "' (superbot directory --help)");
    auto const encoding = args.option("--encoding").value_or("utf-8");
    if (encoding != "utf-8" && encoding != "cp1252") {
        throw BotError(BotError::Kind::usage, say(lang, "--encoding skal være utf-8 eller cp1252", "--encoding must be utf-8 or cp1252"));
    }

    App app(load_config_and_logging(args, true));
    lang = cli_language(args, &app.config());
    if (action == "import") {
        directory::ImportOptions options;
        options.replace = args.flag("--replace");
        options.dry_run = args.flag("--dry-run");
        options.clear_empty = args.flag("--clear-empty");
        options.lang = lang;
        return import(app, words[1], options, encoding);
    }
    if (action == "phase") return phase(app, words[1], words[2], lang);
    if (action == "forget") {
        if (!app.directory().store().forget(words[1], cli_change())) {
            throw BotError(BotError::Kind::usage, say(lang, "ingen person med e-mail ", "no person with e-mail ") + words[1]);
        }
        std::cout << say(lang, "slettede ", "erased ") << words[1] << say(lang, ": roller afsluttet, persondata fjernet\n", ": roles ended, personal data removed\n");
        return exit_ok;
    }
    if (auto email = args.option("--person")) return export_person(app, *email, lang);
    auto const exported = directory::export_csv(app.directory());
    std::cout << (args.flag("--excel") ? csv::for_excel(exported) : exported);
    return exit_ok;
}

}  // namespace superbruger::bot::cli
