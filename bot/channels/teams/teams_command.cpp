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

constexpr char const* usage =
    "Usage: superbot teams manifest --out DIR --website URL --privacy URL --terms URL\n"
    "                               [--developer NAME] [--app-version X.Y.Z] [--package-id GUID]\n"
    "                               [--templates DIR] [--config FILE]\n"
    "\n"
    "Writes manifest.json, en-us.json, color.png and outline.png for the Teams app package to DIR,\n"
    "filled from the templates (default: PREFIX/share/superbot/teams beside an installed binary,\n"
    "else the source tree's deploy/teams) and teams.app_id. The URLs are\n"
    "the installation's own web, privacy and terms pages (https). deploy/teams/package zips them.\n";

nlohmann::json read_json(std::filesystem::path const& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw BotError(BotError::Kind::usage, "cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded()) throw BotError(BotError::Kind::usage, file.string() + " is not valid JSON");
    return doc;
}

void write_json(std::filesystem::path const& file, nlohmann::json const& doc) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << json_text(doc, 2) << "\n";
    if (!out) throw BotError(BotError::Kind::usage, "cannot write " + file.string());
}

std::string required(Arguments const& args, std::string const& name) {
    auto v = args.option(name);
    if (!v || v->empty()) throw BotError(BotError::Kind::usage, "teams manifest needs " + name + " (see superbot teams --help)");
    return *v;
}

int manifest(Arguments const& args) {
    auto const config = load_config_and_logging(args, true);
    ManifestValues values;
    values.app_id = teams_settings(config).app_id;
    values.package_id = args.option("--package-id").value_or("");
    values.version = args.option("--app-version").value_or(SB_VERSION);
    values.developer = args.option("--developer").value_or("DUBU-superbrugernetværket");
    values.website = required(args, "--website");
    values.privacy = required(args, "--privacy");
    values.terms = required(args, "--terms");
    std::filesystem::path const templates = args.option("--templates").value_or(teams_template_dir());
    std::filesystem::path const out = required(args, "--out");

    auto const manifest = fill_manifest(read_json(templates / "manifest.template.json"), values);
    auto const english = fill_localization(read_json(templates / "en-us.template.json"), values);
    for (auto const& [icon, side] : {std::pair{"color.png", 192u}, {"outline.png", 32u}}) {
        auto const [w, h] = png_size(templates / icon);
        if (w != side || h != side) {
            throw BotError(BotError::Kind::usage, std::string(icon) + " must be " + std::to_string(side) + "x" + std::to_string(side) + " pixels");
        }
    }
    std::filesystem::create_directories(out);
    write_json(out / "manifest.json", manifest);
    write_json(out / "en-us.json", english);
    for (auto const* icon : {"color.png", "outline.png"}) {
        std::filesystem::copy_file(templates / icon, out / icon, std::filesystem::copy_options::overwrite_existing);
    }
    std::cout << "wrote the Teams app manifest for bot " << values.app_id << " (version " << values.version << ") to " << out.string()
              << "\n";
    return exit_ok;
}

}  // namespace

int run_teams_command(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"},
                   {"--config", "--out", "--website", "--privacy", "--terms", "--developer", "--app-version", "--package-id", "--templates"});
    args.parse();
    if (auto code = usage_instead_of_action(args, usage)) return *code;
    auto const& words = args.positionals();
    if (words.front() != "manifest" || words.size() != 1) {
        throw BotError(BotError::Kind::usage, "unknown teams action '" + words.front() + "' (see superbot teams --help)");
    }
    return manifest(args);
}

}  // namespace superbruger::bot::channels::teams
