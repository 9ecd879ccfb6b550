// AnswerRetention: hourly deletion of old answers.
#include "bot/answer_retention.hpp"

#include "bot/log.hpp"
#include "bot/time_format.hpp"
#include "storage/answer_log.hpp"
#include "storage/hand_offs.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot {

AnswerRetention::AnswerRetention(boost::asio::any_io_executor executor, storage::AnswerLog& answers, int keep_days, storage::HandOffs* hand_offs)
    : answers_(answers), keep_days_(keep_days), hand_offs_(hand_offs), timer_(std::make_shared<boost::asio::steady_timer>(std::move(executor))) {}

int AnswerRetention::forget_old(std::chrono::system_clock::time_point now) {
    auto const before = utc_timestamp(now - std::chrono::hours(24) * keep_days_);
    auto n = answers_.forget_before(before);
    if (hand_offs_ != nullptr) n += hand_offs_->delete_asked_before(before);
    if (n > 0) log::info("answers_forgotten", {{"count", n}, {"keep_days", keep_days_}});
    return n;
}

void AnswerRetention::start(BackgroundTasks& tasks) {
    tasks.spawn("answer_retention", [](AnswerRetention& self, std::shared_ptr<boost::asio::steady_timer> timer) -> boost::asio::awaitable<void> {
        for (;;) {
            try {
                self.forget_old();
            } catch (std::exception const& e) {
                log::error("answer_retention_failed", {{"error", e.what()}});  // the database may be busy: next hour
            }
            // Hourly is plenty for a retention counted in days.
            timer->expires_after(std::chrono::hours(1));
            auto [ec] = co_await timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
            if (ec) co_return;  // cancelled at shutdown
        }
    }(*this, timer_));
}

void AnswerRetention::stop() { timer_->cancel(); }

}  // namespace superbruger::bot
