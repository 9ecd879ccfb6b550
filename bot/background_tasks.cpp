// BackgroundTasks: spawn, count, drain.
#include "bot/background_tasks.hpp"

#include "bot/log.hpp"

#include <boost/asio/co_spawn.hpp>

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
            }
        }
        if (--state->running == 0 && state->on_idle) {
            if (state->grace_timer) state->grace_timer->cancel();
            std::exchange(state->on_idle, nullptr)();
        }
    });
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
