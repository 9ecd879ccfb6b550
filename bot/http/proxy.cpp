#include "bot/http/proxy.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace superbruger::bot::http {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trimmed(std::string const& s) {
    auto const b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

char const* first_set(std::function<char const*(char const*)> const& getenv, char const* a, char const* b) {
    if (char const* v = getenv(a); v && *v) return v;
    if (char const* v = getenv(b); v && *v) return v;
    return nullptr;
}

}  // namespace

ProxySettings proxy_settings(std::string const& configured_proxy, std::vector<std::string> const& configured_no_proxy,
                             std::function<char const*(char const*)> const& getenv) {
    ProxySettings s;
    s.https_proxy = configured_proxy;
    // Lower case first, as curl reads them; HTTP_PROXY is deliberately ignored (httpoxy).
    if (s.https_proxy.empty()) {
        if (char const* v = first_set(getenv, "https_proxy", "HTTPS_PROXY")) s.https_proxy = v;
    }
    s.no_proxy = configured_no_proxy;
    if (char const* v = first_set(getenv, "no_proxy", "NO_PROXY")) {
        std::istringstream list(v);
        for (std::string entry; std::getline(list, entry, ',');) {
            if (auto t = trimmed(entry); !t.empty()) s.no_proxy.push_back(t);
        }
    }
    return s;
}

bool bypasses_proxy(std::string const& host_in, std::uint16_t port, std::vector<std::string> const& no_proxy) {
    auto const host = lower(host_in);
    for (auto const& raw : no_proxy) {
        auto entry = lower(trimmed(raw));
        if (entry == "*") return true;
        // host:port (but not a bare IPv6 address, which has colons of its own)
        if (auto colon = entry.rfind(':'); colon != std::string::npos && entry.find(':') == colon) {
            if (entry.substr(colon + 1) != std::to_string(port)) continue;
            entry.erase(colon);
        }
        if (entry.size() > 1 && entry.front() == '[' && entry.back() == ']') entry = entry.substr(1, entry.size() - 2);
        if (!entry.empty() && entry.front() == '.') entry.erase(0, 1);
        if (entry.rfind("*.", 0) == 0) entry.erase(0, 2);
        if (entry.empty()) continue;
        if (host == entry) return true;
        if (host.size() > entry.size() && host.ends_with(entry) && host[host.size() - entry.size() - 1] == '.') return true;
    }
    return false;
}

}  // namespace superbruger::bot::http
