// BackgroundTasks: spawn, count, drain.
#include "bot/background_tasks.hpp"

#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot {

BackgroundTasks::BackgroundTasks(boost::asio::any_io_executor executor) : executor_(std::move(executor)), state_(std::make_shared<State>()) {}

void BackgroundTasks::spawn(std::string what, boost::asio::awaitable<void> work) {
    ++state_->running;
    boost::asio::co_spawn(executor_, std::move(work), [state = state_, what = std::move(what)](std::exception_ptr e) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (std::exception const& ex) {
                log::error("background_task_failed", {{"task", what}, {"error", ex.what()}});
            } catch (...) {
                log::error("background_task_failed", {{"task", what}, {"error", "unknown exception"}});
            }
            if (state->count_failure) state->count_failure(what);
        }
        --state->running;
        if (!state->waiting.empty()) {
            state->waiting.front()->cancel();  // one task ended: one waiter may go on
            state->waiting.pop_front();
        }
        if (state->running == 0 && state->on_idle) {
            if (state->grace_timer) state->grace_timer->cancel();
            std::exchange(state->on_idle, nullptr)();
        }
    });
}

boost::asio::awaitable<void> BackgroundTasks::wait_for_room(std::size_t limit) {
    while (state_->running >= limit) {
        auto timer = std::make_shared<boost::asio::steady_timer>(executor_, boost::asio::steady_timer::time_point::max());
        state_->waiting.push_back(timer);
        co_await timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }
}

void BackgroundTasks::drain(std::chrono::seconds grace, std::function<void()> done) {
    if (state_->running == 0) {
        done();
        return;
    }
    state_->on_idle = std::move(done);
    state_->grace_timer = std::make_unique<boost::asio::steady_timer>(executor_, grace);
    state_->grace_timer->async_wait([state = state_](boost::system::error_code ec) {
        if (ec || !state->on_idle) return;
        log::warn("background_tasks_cut_off", {{"running", state->running}});
        std::exchange(state->on_idle, nullptr)();
    });
}

}  // namespace superbruger::bot
