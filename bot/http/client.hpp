// Client: the one outbound HTTP client (Bot Connector, token endpoint, OpenID metadata, later
// Slack and webhooks). HTTPS verifies certificates, also through a forward proxy (CONNECT);
// plain HTTP only to loopback, for tests, and never through the proxy.
#pragma once

#include "bot/http/proxy.hpp"
#include "bot/http/types.hpp"

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::bot::http {

/// An absolute http(s) URL split into what a request needs. Throws BotError{config} when `url`
/// is not one (or not http/https).
struct Url {
    std::string scheme;  ///< "http" or "https"
    std::string host;
    std::uint16_t port = 0;
    std::string target;  ///< path and query, at least "/"

    static Url parse(std::string const& url);
    std::string origin() const { return scheme + "://" + host + ":" + std::to_string(port); }
};

struct ClientSettings {
    std::filesystem::path ca_file;  ///< empty: the system's certificate store
    std::chrono::seconds connect_timeout{5};
    std::chrono::seconds request_timeout{15};  ///< one exchange, after connecting
    std::size_t max_response_bytes = 4 * 1024 * 1024;
    std::size_t max_idle_per_origin = 16;  ///< kept-alive connections reused by later requests
    ProxySettings proxy;                   ///< HTTPS through this proxy unless no_proxy says otherwise
};

struct ClientRequest {
    bhttp::verb method = bhttp::verb::get;
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;  ///< sent with Content-Length when the method carries a body
};

struct ClientResponse {
    unsigned status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// The first header with that name (case-insensitive), or "".
    std::string header(std::string_view name) const;
};

/// Runs on the caller's io_context thread. Keeps idle connections per origin and reuses them; a
/// reused connection the server has meanwhile closed is retried once on a fresh one. Throws
/// BotError{upstream} for transport failures (resolve, connect, TLS, timeout, a malformed or
/// oversized response, a proxy refusing the tunnel) and BotError{config} for URLs it refuses
/// (plain HTTP off loopback) or a proxy URL it cannot use.
class Client {
public:
    Client(net::io_context& ioc, ClientSettings settings);
    ~Client();
    Client(Client const&) = delete;
    Client& operator=(Client const&) = delete;

    net::awaitable<ClientResponse> send(ClientRequest request);

    struct Impl;

private:
    std::shared_ptr<Impl> impl_;
};

}  // namespace superbruger::bot::http
