// Server: the HTTP listener. One coroutine per connection; the handler never sees the socket.
#pragma once

#include "bot/http/metrics.hpp"
#include "bot/http/types.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot::http {

struct ServerLimits {
    std::size_t max_body_bytes = 256 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_connections = 512;
    std::size_t max_connections_per_ip = 256;  ///< 0: no per-address limit
    std::chrono::seconds first_byte_timeout{5};  ///< a new connection's wait for its first byte
    std::chrono::seconds request_timeout{10};
    std::chrono::seconds idle_timeout{60};       ///< a kept-alive connection's wait for its next request
    /// Connections beyond the limits that are still read, once, for a health probe; anything
    /// else on them gets 503. So an orchestrator's probe is answered whoever holds the slots.
    std::size_t probe_connections = 8;
    std::vector<std::string> probe_paths = {"/healthz", "/readyz"};
};

/// Follows Beast's example/http/server/awaitable (boost-1.81.0): every read has a deadline and a
/// body limit; end_of_stream, timeouts and cancellation close a connection quietly; malformed
/// requests and ambiguous framing (bot/http/framing.hpp) get 400, oversized bodies 413,
/// oversized headers 431. At a connection limit (in all, or from one address) the oldest idle
/// connection there is closed to make room, so silent connections cannot starve the others;
/// when none is idle, the newcomer may only ask for a probe path. Runs on one io_context thread.
class Server {
public:
    Server(net::io_context& ioc, ServerLimits limits, Handler handler, Metrics& metrics);
    ~Server();
    Server(Server const&) = delete;
    Server& operator=(Server const&) = delete;

    /// Binds and starts accepting. Throws BotError{config} when the address cannot be bound.
    net::ip::tcp::endpoint listen(std::string const& address, std::uint16_t port);

    /// Graceful stop: no new connections, idle ones closed, requests in flight answered (with
    /// "Connection: close"). Calls `done` once every connection is gone, or after `grace`, when
    /// the stragglers are cut off.
    void shutdown(std::chrono::seconds grace, std::function<void()> done);

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;  // shared with the running coroutines, which may outlive a call
};

}  // namespace superbruger::bot::http
