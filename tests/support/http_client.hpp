// Test helpers: a blocking HTTP client and a raw-socket exchange for talking to a loopback server.
#pragma once

#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::tests {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// One request on a new connection; throws on connection errors.
HttpResponse http_request(std::uint16_t port, boost::beast::http::verb method, std::string const& target,
                          std::string const& body = {}, std::string const& content_type = "application/json",
                          std::vector<std::pair<std::string, std::string>> const& headers = {});

/// Sends raw bytes and reads until the server closes or `wait` passes. Returns what came back
/// and whether the server closed the connection within `wait`.
struct RawExchange {
    std::string received;
    bool closed_by_server = false;
};
RawExchange raw_exchange(std::uint16_t port, std::string const& bytes, std::chrono::milliseconds wait);

/// Connections opened and left silent (no byte sent), held until destroyed: an idle flood.
class IdleConnections {
public:
    IdleConnections(std::uint16_t port, std::size_t count);
    ~IdleConnections();
    IdleConnections(IdleConnections const&) = delete;
    IdleConnections& operator=(IdleConnections const&) = delete;
    /// How many the server has closed so far (read end-of-stream or reset).
    std::size_t closed_by_server();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A port that was free a moment ago (for child processes that must be told a port).
std::uint16_t free_port();

}  // namespace superbruger::tests
