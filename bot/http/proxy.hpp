// Proxy: which outbound requests go through the forward proxy. Municipal networks commonly
// allow outbound HTTPS only through one; the client then tunnels with CONNECT and verifies the
// server's certificate end to end (bot/http/client.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::bot::http {

struct ProxySettings {
    std::string https_proxy;            ///< http://host:port, or empty for none
    std::vector<std::string> no_proxy;  ///< hosts reached directly (see bypasses_proxy)
};

/// The configured values over the environment's: `configured_proxy` if set, else https_proxy or
/// HTTPS_PROXY; the no_proxy list is the configured one plus NO_PROXY / no_proxy (comma separated).
/// `getenv` is std::getenv in production.
ProxySettings proxy_settings(std::string const& configured_proxy, std::vector<std::string> const& configured_no_proxy,
                             std::function<char const*(char const*)> const& getenv);

/// NO_PROXY matching as curl and most tools do it (https://curl.se/docs/manpage.html#--noproxy):
/// "*" matches every host; "example.dk" and ".example.dk" match that host and its sub-domains;
/// an IP address matches itself; "host:port" matches only that port. Case-insensitive.
bool bypasses_proxy(std::string const& host, std::uint16_t port, std::vector<std::string> const& no_proxy);

}  // namespace superbruger::bot::http
