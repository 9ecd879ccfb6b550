// SingleFlight: one fetch at a time for a shared cache (signing keys, the Connector token). A
// caller that arrives while a fetch is running waits for it instead of starting another, so a
// burst of requests after start-up causes one outbound call, not one each.
#pragma once

#include "bot/http/types.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <functional>
#include <memory>

namespace superbruger::bot::http {

class SingleFlight {
public:
    /// Runs `fetch` unless one is running; then waits for that one. Exceptions reach only the
    /// caller that ran the fetch: waiters look at the cache afterwards and decide for themselves.
    net::awaitable<void> run(std::function<net::awaitable<void>()> const& fetch) {
        if (auto running = running_) {
            co_await running->async_wait(net::as_tuple(net::use_awaitable));
            co_return;
        }
        auto const done = std::make_shared<net::steady_timer>(co_await net::this_coro::executor,
                                                              net::steady_timer::time_point::max());
        running_ = done;
        struct Finish {
            SingleFlight& self;
            std::shared_ptr<net::steady_timer> timer;
            ~Finish() {
                self.running_.reset();
                timer->cancel();  // wakes the waiters
            }
        } finish{*this, done};
        co_await fetch();
    }

    /// True while a fetch runs (a caller that must not start one may still wait for it).
    bool running() const noexcept { return running_ != nullptr; }

private:
    std::shared_ptr<net::steady_timer> running_;
};

}  // namespace superbruger::bot::http
