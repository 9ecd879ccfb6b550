// The Teams app package's manifest: our template (deploy/teams/) filled with one installation's
// values and checked against the schema's rules that matter (https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json, T-MAN v1.24).
#pragma once

#include "knowledge/language.hpp"
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace superbruger::bot::channels::teams {

struct ManifestValues {
    std::string app_id;      ///< the bot's Microsoft App ID (teams.app_id)
    std::string package_id;  ///< the Teams app's own id; defaults to app_id
    std::string version;     ///< semver of the package
    std::string developer;
    std::string website;
    std::string privacy;
    std::string terms;
    knowledge::Language lang = knowledge::Language::da;  ///< of the refusals of these values
};

/// Replaces every "{{name}}" in the template's strings. Throws BotError{usage} naming the value
/// at fault: ids that are not GUIDs, URLs that are not https, a version that is not x.y.z, names
/// and descriptions over the schema's lengths, or a placeholder left unfilled.
nlohmann::json fill_manifest(nlohmann::json const& manifest_template, ManifestValues const& values);

/// The same for a localization file (only lengths and placeholders to check).
nlohmann::json fill_localization(nlohmann::json const& localization_template, ManifestValues const& values);

/// Width and height of a PNG file; throws BotError{usage} when it is not a PNG.
std::pair<unsigned, unsigned> png_size(std::filesystem::path const& file);

}  // namespace superbruger::bot::channels::teams
