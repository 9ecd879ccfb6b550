// ConfigSection: typed reads with key paths in every error.
#include "bot/config_section.hpp"

#include "bot/error.hpp"

namespace superbruger::bot {

using nlohmann::json;

void config_fail(std::string const& path, std::string const& message) {
    throw BotError(BotError::Kind::config, "config: '" + path + "' " + message);
}

ConfigSection::ConfigSection(json const& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) config_fail(path_.empty() ? "(top level)" : path_, "must be an object");
}

json const* ConfigSection::find(std::string const& key) {
    known_.insert(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
}

void ConfigSection::read(std::string const& key, bool& out) {
    if (auto const* v = find(key)) {
        if (!v->is_boolean()) config_fail(key_path(key), "must be true or false");
        out = v->get<bool>();
    }
}

namespace {
/// A config string must not hold control characters: a NUL cuts a path or a variable's name
/// short where it is used, a newline splits a log line or a header.
std::string const& clean(std::string const& value, std::string const& path) {
    for (unsigned char c : value) {
        if (c < 0x20 || c == 0x7f) config_fail(path, "holds a control character");
    }
    return value;
}
}  // namespace

void ConfigSection::read(std::string const& key, std::string& out) {
    if (auto const* v = find(key)) {
        if (!v->is_string()) config_fail(key_path(key), "must be a string");
        out = clean(v->get_ref<std::string const&>(), key_path(key));
    }
}

void ConfigSection::read(std::string const& key, std::chrono::seconds& out, long long min, long long max) {
    long long seconds = out.count();
    read(key, seconds, min, max);
    out = std::chrono::seconds(seconds);
}

void ConfigSection::read(std::string const& key, double& out, double min, double max) {
    if (auto const* v = find(key)) {
        if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
            config_fail(key_path(key), "must be a number from " + std::to_string(min) + " to " + std::to_string(max));
        }
        out = v->get<double>();
    }
}

void ConfigSection::read(std::string const& key, std::filesystem::path& out, std::filesystem::path const& base) {
    std::string s;
    read(key, s);
    if (!s.empty()) out = base / s;
}

void ConfigSection::read(std::string const& key, std::vector<std::filesystem::path>& out, std::filesystem::path const& base) {
    if (auto const* v = find(key)) {
        if (!v->is_array()) config_fail(key_path(key), "must be a list of folder names");
        out.clear();
        for (std::size_t i = 0; i < v->size(); ++i) {
            auto const at = key_path(key) + "[" + std::to_string(i) + "]";
            if (!(*v)[i].is_string()) config_fail(at, "must be a string");
            out.push_back(base / clean((*v)[i].get_ref<std::string const&>(), at));
        }
    }
}

void ConfigSection::read(std::string const& key, std::vector<std::string>& out) {
    if (auto const* v = find(key)) {
        if (!v->is_array()) config_fail(key_path(key), "must be a list of strings");
        out.clear();
        for (std::size_t i = 0; i < v->size(); ++i) {
            auto const at = key_path(key) + "[" + std::to_string(i) + "]";
            if (!(*v)[i].is_string()) config_fail(at, "must be a string");
            out.push_back(clean((*v)[i].get_ref<std::string const&>(), at));
        }
    }
}

void ConfigSection::read_environment_names(std::string const& key, std::map<std::string, std::string>& out, std::string const& what) {
    auto const* v = find(key);
    if (v == nullptr) return;
    if (!v->is_object()) config_fail(key_path(key), "must be an object of " + what + " → environment variable");
    out.clear();
    for (auto const& [name, env] : v->items()) {
        if (name.empty()) config_fail(key_path(key), "names a " + what + " that is empty");
        clean(name, key_path(key));
        if (!env.is_string() || env.get<std::string>().empty()) config_fail(key_path(key) + "." + name, "must name an environment variable");
        out[name] = clean(env.get_ref<std::string const&>(), key_path(key) + "." + name);
    }
}

void ConfigSection::read_url(std::string const& key, std::string& out) {
    read(key, out);
    if (out.rfind("https://", 0) != 0 && out.rfind("http://", 0) != 0) config_fail(key_path(key), "must be an http(s) URL");
}

std::optional<ConfigSection> ConfigSection::object(std::string const& key) {
    if (auto const* v = find(key)) return ConfigSection(*v, key_path(key));
    return std::nullopt;
}

void ConfigSection::refuse_unknown_keys() const {
    for (auto const& [key, value] : object_.items()) {
        if (!known_.contains(key)) config_fail(key_path(key), "is not a known setting (see deploy/config.example.json)");
    }
}

}  // namespace superbruger::bot
