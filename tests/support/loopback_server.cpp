// LoopbackServer: listen, run, and on destruction shut down and join.
#include "tests/support/loopback_server.hpp"

#include <boost/asio/post.hpp>

namespace superbruger::tests {

LoopbackServer::LoopbackServer(bot::http::Handler handler)
    : server_(std::make_unique<bot::http::Server>(ioc_, bot::http::ServerLimits{}, std::move(handler), metrics_)) {
    port_ = server_->listen("127.0.0.1", 0).port();
    thread_ = std::thread([this] { ioc_.run(); });
}

LoopbackServer::~LoopbackServer() {
    boost::asio::post(ioc_, [this] { server_->shutdown(std::chrono::seconds(0), [] {}); });
    ioc_.stop();
    thread_.join();
}

}  // namespace superbruger::tests
