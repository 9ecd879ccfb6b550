// `superbot teams manifest`: the Teams app manifest of this installation, ready to zip.
#include "bot/channels/teams/teams_command.hpp"

#include "bot/channels/teams/teams_settings.hpp"
#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/install_paths.hpp"
#include "bot/json_text.hpp"
#include "bot/channels/teams/app_manifest.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#ifndef SB_VERSION
#error "SB_VERSION must be defined by the build"
#endif

namespace superbruger::bot::channels::teams {

using namespace cli;

namespace {

using knowledge::Language;

constexpr char const* usage_da =
    "Brug: superbot teams manifest --out MAPPE --website URL --privacy URL --terms URL\n"
    "                              [--developer NAVN] [--app-version X.Y.Z] [--package-id GUID]\n"
    "                              [--templates MAPPE] [--config FIL] [--lang da|en]\n"
    "\n"
    "Skriver manifest.json, en-us.json, color.png og outline.png til Teams-apppakken i MAPPE,\n"
    "udfyldt fra skabelonerne (standard: PREFIX/share/superbot/teams ved en installeret binær,\n"
    "ellers kildetræets deploy/teams) og teams.app_id. URL'erne er installationens egne sider\n"
    "for web, privatliv og vilkår (https). deploy/teams/package zipper dem.\n";

constexpr char const* usage_en =
    "Usage: superbot teams manifest --out DIR --website URL --privacy URL --terms URL\n"
    "                               [--developer NAME] [--app-version X.Y.Z] [--package-id GUID]\n"
    "                               [--templates DIR] [--config FILE] [--lang da|en]\n"
    "\n"
    "Writes manifest.json, en-us.json, color.png and outline.png for the Teams app package to DIR,\n"
    "filled from the templates (default: PREFIX/share/superbot/teams beside an installed binary,\n"
    "else the source tree's deploy/teams) and teams.app_id. The URLs are\n"
    "the installation's own web, privacy and terms pages (https). deploy/teams/package zips them.\n";

nlohmann::json read_json(std::filesystem::path const& file, Language lang) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, say(lang, "kan ikke læse ", "cannot read ") + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded()) throw BotError(BotError::Kind::usage, file.string() + say(lang, " er ikke gyldig JSON", " is not valid JSON"));
    return doc;
}

void write_json(std::filesystem::path const& file, nlohmann::json const& doc, Language lang) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << json_text(doc, 2) << "\n";
    if (!out) throw BotError(BotError::Kind::usage, say(lang, "kan ikke skrive ", "cannot write ") + file.string());
}

std::string required(Arguments const& args, std::string const& name, Language lang) {
    auto v = args.option(name);
    if (!v || v->empty()) {
        throw BotError(BotError::Kind::usage, say(lang, "teams manifest kræver ", "teams manifest needs ") + name +
                                                  say(lang, " (se superbot teams --help)", " (see superbot teams --help)"));
    }
    return *v;
}

int manifest(Arguments const& args) {
    auto const config = load_config_and_logging(args, true);
    auto const lang = cli_language(args, &config);
    ManifestValues values;
    values.app_id = teams_settings(config).app_id;
    values.lang = lang;
    values.package_id = args.option("--package-id").value_or("");
    values.version = args.option("--app-version").value_or(SB_VERSION);
    values.developer = args.option("--developer").value_or("DUBU-superbrugernetværket");
    values.website = required(args, "--website", lang);
    values.privacy = required(args, "--privacy", lang);
    values.terms = required(args, "--terms", lang);
    std::filesystem::path const templates = args.option("--templates").value_or(teams_template_dir());
    std::filesystem::path const out = required(args, "--out", lang);

    auto const manifest = fill_manifest(read_json(templates / "manifest.template.json", lang), values);
    auto const english = fill_localization(read_json(templates / "en-us.template.json", lang), values);
    for (auto const& [icon, side] : {std::pair{"color.png", 192u}, {"outline.png", 32u}}) {
        auto const [w, h] = png_size(templates / icon);
        if (w != side || h != side) {
            throw BotError(BotError::Kind::usage, std::string(icon) + say(lang, " skal være ", " must be ") + std::to_string(side) + "x" +
                                                      std::to_string(side) + say(lang, " pixels", " pixels"));
        }
    }
    std::filesystem::create_directories(out);
    write_json(out / "manifest.json", manifest, lang);
    write_json(out / "en-us.json", english, lang);
    for (auto const* icon : {"color.png", "outline.png"}) {
        std::filesystem::copy_file(templates / icon, out / icon, std::filesystem::copy_options::overwrite_existing);
    }
    std::cout << say(lang, "skrev Teams-appens manifest for bot ", "wrote the Teams app manifest for bot ") << values.app_id << " (version "
              << values.version << say(lang, ") til ", ") to ") << out.string() << "\n";
    return exit_ok;
}

}  // namespace

int run_teams_command(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"},
                   {"--config", "--out", "--website", "--privacy", "--terms", "--developer", "--app-version", "--package-id", "--templates", "--lang"});
    args.parse();
    auto const lang = cli_language(args);
    if (auto code = usage_instead_of_action(args, lang == Language::da ? usage_da : usage_en)) return *code;
    auto const& words = args.positionals();
    if (words.front() != "manifest" || words.size() != 1) {
        throw BotError(BotError::Kind::usage, say(lang, "ukendt teams-handling '", "unknown teams action '") + words.front() +
                                                  say(lang, "' (se superbot teams --help)", "' (see superbot teams --help)"));
    }
    return manifest(args);
}

}  // namespace superbruger::bot::channels::teams
