// BackgroundTasks: work started by a request that finishes after its response (replies sent
// through a platform's API). Counted, so a graceful shutdown can wait for them.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace superbruger::bot {

class BackgroundTasks {
public:
    explicit BackgroundTasks(boost::asio::any_io_executor executor);

    /// Starts `work` on the executor. A failure is logged with `what`, counted (see
    /// on_failure), never thrown: a reply that cannot be sent is never dropped silently.
    void spawn(std::string what, boost::asio::awaitable<void> work);

    /// Called with the task's `what` for every failed task (the server counts them in /metrics).
    void on_failure(std::function<void(std::string const&)> count) { state_->count_failure = std::move(count); }

    std::size_t running() const noexcept { return state_->running; }
    boost::asio::any_io_executor const& executor() const noexcept { return executor_; }

    /// Returns once fewer than `limit` tasks run: backpressure, so that a platform slower than
    /// the requests coming in holds the requests back instead of letting sends pile up.
    boost::asio::awaitable<void> wait_for_room(std::size_t limit);

    /// Calls `done` once nothing runs any more, or after `grace` (the rest is logged as cut off).
    void drain(std::chrono::seconds grace, std::function<void()> done);

private:
    struct State {
        std::size_t running = 0;
        std::function<void()> on_idle;
        std::function<void(std::string const&)> count_failure;
        std::unique_ptr<boost::asio::steady_timer> grace_timer;
        std::deque<std::shared_ptr<boost::asio::steady_timer>> waiting;  ///< wait_for_room callers
    };
    boost::asio::any_io_executor executor_;
    std::shared_ptr<State> state_;
};

}  // namespace superbruger::bot
