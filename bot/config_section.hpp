// ConfigSection: strict reading of one object of the config file, for the one config loader
// (bot/config.cpp) and the sections each chat platform reads itself (bot/channels/<platform>/).
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace superbruger::bot {

/// Throws BotError{config}: "config: 'path' message".
[[noreturn]] void config_fail(std::string const& path, std::string const& message);

/// Reads the keys of one JSON object, remembering which were read so that leftovers (typos,
/// keys of another version) are refused instead of silently ignored. Every error names the key
/// by its path ("teams.app_id").
class ConfigSection {
public:
    ConfigSection(nlohmann::json const& object, std::string path);

    std::string key_path(std::string const& key) const { return path_.empty() ? key : path_ + "." + key; }

    nlohmann::json const* find(std::string const& key);

    void read(std::string const& key, std::string& out);
    /// true or false (no 0/1, no strings: a typo should not read as a choice).
    void read(std::string const& key, bool& out);
    void read(std::string const& key, std::chrono::seconds& out, long long min, long long max);
    void read(std::string const& key, double& out, double min, double max);
    void read(std::string const& key, std::filesystem::path& out, std::filesystem::path const& base);
    void read(std::string const& key, std::vector<std::filesystem::path>& out, std::filesystem::path const& base);
    void read(std::string const& key, std::vector<std::string>& out);
    /// An object naming, for each of several things (`what`: "webhook id", "municipality"), the
    /// environment variable that holds its secret: non-empty names only.
    void read_environment_names(std::string const& key, std::map<std::string, std::string>& out, std::string const& what);
    /// An http:// or https:// URL.
    void read_url(std::string const& key, std::string& out);

    template <typename Int>
    void read(std::string const& key, Int& out, long long min, long long max) {
        if (auto const* v = find(key)) {
            if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
                config_fail(key_path(key), "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
            }
            out = static_cast<Int>(v->get<long long>());
        }
    }

    /// A nested object; absent means "all defaults".
    std::optional<ConfigSection> object(std::string const& key);

    void refuse_unknown_keys() const;

private:
    nlohmann::json const& object_;
    std::string path_;
    std::set<std::string> known_;
};

}  // namespace superbruger::bot
