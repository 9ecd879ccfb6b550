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

namespace superbruger::bot::http {

struct ServerLimits {
    std::size_t max_body_bytes = 256 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_connections = 512;
    std::chrono::seconds request_timeout{10};
    std::chrono::seconds idle_timeout{60};
};

/// Follows Beast's example/http/server/awaitable (boost-1.81.0): every read has a deadline and a
/// body limit; end_of_stream, timeouts and cancellation close a connection quietly; malformed
/// requests get 400, oversized bodies 413, oversized headers 431. Runs on one io_context thread.
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
