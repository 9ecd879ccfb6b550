// Filling and checking the Teams app manifest.
#include "bot/channels/teams/app_manifest.hpp"

#include "bot/error.hpp"
#include "knowledge/utf8.hpp"

#include <fstream>
#include <regex>

namespace superbruger::bot::channels::teams {

namespace {

using nlohmann::json;

[[noreturn]] void bad(std::string const& what) { throw BotError(BotError::Kind::usage, what); }

void substitute(json& node, std::map<std::string, std::string> const& values) {
    if (node.is_string()) {
        auto s = node.get<std::string>();
        for (auto const& [name, value] : values) {
            auto const placeholder = "{{" + name + "}}";
            for (auto pos = s.find(placeholder); pos != std::string::npos; pos = s.find(placeholder, pos + value.size())) {
                s.replace(pos, placeholder.size(), value);
            }
        }
        if (s.find("{{") != std::string::npos) bad("the template has a placeholder no value fills: " + s);
        node = s;
    } else if (node.is_structured()) {
        for (auto& child : node) substitute(child, values);
    }
}

std::map<std::string, std::string> placeholders(ManifestValues const& v) {
    return {{"app_id", v.app_id}, {"package_id", v.package_id.empty() ? v.app_id : v.package_id}, {"version", v.version},
            {"developer", v.developer}, {"website", v.website}, {"privacy", v.privacy}, {"terms", v.terms}};
}

void check_length(json const& doc, json::json_pointer const& at, std::size_t max, std::string const& name) {
    if (!doc.contains(at)) return;
    auto const text = doc.at(at).get<std::string>();
    auto const chars = knowledge::utf8::length(text);  // the schema counts characters, not bytes
    if (chars == 0 || chars > max) bad(name + " must be 1 to " + std::to_string(max) + " characters, not " + std::to_string(chars));
}

void check_texts(json const& doc, std::string const& prefix) {
    // Manifests nest ("name": {"short"}); localization files use dotted keys ("name.short").
    bool const dotted = doc.contains("name.short");
    auto pointer = [&](char const* group, char const* key) {
        return dotted ? json::json_pointer("/" + std::string(group) + "." + key) : json::json_pointer("/" + std::string(group) + "/" + key);
    };
    check_length(doc, pointer("name", "short"), 30, prefix + "name.short");
    check_length(doc, pointer("name", "full"), 100, prefix + "name.full");
    check_length(doc, pointer("description", "short"), 80, prefix + "description.short");
    check_length(doc, pointer("description", "full"), 4000, prefix + "description.full");
}

}  // namespace

json fill_manifest(json const& manifest_template, ManifestValues const& values) {
    static std::regex const guid("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static std::regex const semver("^[0-9]+\\.[0-9]+\\.[0-9]+$");
    bool const da = values.lang == knowledge::Language::da;
    auto say = [da](std::string d, std::string e) { return da ? d : e; };
    if (!std::regex_match(values.app_id, guid)) {
        bad(say("teams.app_id skal være bottens Microsoft App ID (et GUID), ikke '", "teams.app_id must be the bot's Microsoft App ID (a GUID), not '") +
            values.app_id + "'");
    }
    if (!values.package_id.empty() && !std::regex_match(values.package_id, guid)) bad(say("--package-id skal være et GUID", "--package-id must be a GUID"));
    if (!std::regex_match(values.version, semver)) bad(say("--app-version skal se ud som 1.2.3", "--app-version must look like 1.2.3"));
    if (values.developer.empty() || values.developer.size() > 32) bad(say("--developer skal være 1 til 32 tegn", "--developer must be 1 to 32 characters"));
    for (auto const& [name, url] : {std::pair{"--website", values.website}, {"--privacy", values.privacy}, {"--terms", values.terms}}) {
        if (!url.starts_with("https://") || url.size() > 2048) bad(std::string(name) + say(" skal være en https://-URL", " must be an https:// URL"));
    }
    auto manifest = manifest_template;
    substitute(manifest, placeholders(values));
    check_texts(manifest, "");
    if (!manifest.contains("bots") || manifest["bots"].size() != 1) bad("the manifest must declare exactly one bot");
    return manifest;
}

json fill_localization(json const& localization_template, ManifestValues const& values) {
    auto localization = localization_template;
    substitute(localization, placeholders(values));
    check_texts(localization, "en-us ");
    return localization;
}

std::pair<unsigned, unsigned> png_size(std::filesystem::path const& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char header[24] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    static constexpr unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (!in || !std::equal(signature, signature + 8, header) || std::string(header + 12, header + 16) != "IHDR") {
        bad(file.string() + " is not a PNG image");
    }
    auto be32 = [&](int at) {
        return (unsigned{header[at]} << 24) | (unsigned{header[at + 1]} << 16) | (unsigned{header[at + 2]} << 8) | header[at + 3];
    };
    return {be32(16), be32(20)};
}

}  // namespace superbruger::bot::channels::teams
