// OutboundHandoff: runs coroutines on the outbound thread for the serving thread, handing them
// over in batches. Posting each one across on its own wakes the outbound thread once per reply
// (an epoll_ctl and a context switch each, some 5 % of a knowledge answer's CPU at 32
// connections); the tasks started in one round of the serving loop instead go over together,
// with one wake-up, when that round's queued handlers have run.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace superbruger::bot {

namespace detail {
/// What co_spawn completes with for an awaitable<T>.
template <typename T>
struct spawned { using signature = void(std::exception_ptr, T); };
template <>
struct spawned<void> { using signature = void(std::exception_ptr); };
}  // namespace detail

class OutboundHandoff {
public:
    explicit OutboundHandoff(boost::asio::any_io_executor outbound) : outbound_(std::move(outbound)) {}
    OutboundHandoff(OutboundHandoff const&) = delete;
    OutboundHandoff& operator=(OutboundHandoff const&) = delete;

    boost::asio::any_io_executor const& executor() const noexcept { return outbound_; }

    /// Runs `work` on the outbound thread and resumes the caller on its own executor with the
    /// result or the exception. Call from the serving thread only (the batch is its own).
    template <typename T>
    boost::asio::awaitable<T> run(boost::asio::awaitable<T> work) {
        return boost::asio::async_initiate<boost::asio::use_awaitable_t<> const, typename detail::spawned<T>::signature>(
            [this](auto handler, boost::asio::awaitable<T> task) {
                auto const serving = boost::asio::get_associated_executor(handler);
                // co_spawn delivers the result through the handler's own executor: the caller's.
                // shared_ptr: std::function needs a copyable callable, the handler is move-only.
                auto job = std::make_shared<std::pair<decltype(handler), boost::asio::awaitable<T>>>(std::move(handler), std::move(task));
                pending_.push_back([job, outbound = outbound_] {
                    boost::asio::co_spawn(outbound, std::move(job->second), std::move(job->first));
                });
                if (pending_.size() == 1) boost::asio::post(serving, [this] { hand_over(); });
            },
            boost::asio::use_awaitable, std::move(work));
    }

private:
    void hand_over() {
        boost::asio::post(outbound_, [batch = std::move(pending_)] {
            for (auto const& start : batch) start();
        });
        pending_.clear();
    }

    boost::asio::any_io_executor outbound_;
    std::vector<std::function<void()>> pending_;  ///< started this round, on the serving thread
};

}  // namespace superbruger::bot
