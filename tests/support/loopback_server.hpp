// LoopbackServer: the project's own HTTP server on 127.0.0.1 with an ephemeral port, on a thread
// of its own, for the stand-ins of the services the bot calls (Bot Connector, Slack, Mattermost).
// Declare it after the state its handler reads: it stops (and joins) before that state goes.
#pragma once

#include "bot/http/metrics.hpp"
#include "bot/http/server.hpp"
#include "bot/http/types.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <thread>

namespace superbruger::tests {

class LoopbackServer {
public:
    explicit LoopbackServer(bot::http::Handler handler);
    ~LoopbackServer();
    LoopbackServer(LoopbackServer const&) = delete;
    LoopbackServer& operator=(LoopbackServer const&) = delete;

    std::uint16_t port() const noexcept { return port_; }

private:
    boost::asio::io_context ioc_{1};
    bot::http::Metrics metrics_;
    std::unique_ptr<bot::http::Server> server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace superbruger::tests
