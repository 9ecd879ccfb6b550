// AnswerRetention: the answer log's retention (knowledge.keep_answers_days), applied hourly
// while the server runs, like the outbox's keep_sent_days.
#pragma once

#include "bot/background_tasks.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>

namespace superbruger::storage {
class AnswerLog;
class HandOffs;
}

namespace superbruger::bot {

class AnswerRetention {
public:
    /// `hand_offs`, when given, loses its old questions sent on to a person with the same
    /// retention: they hold the question and who asked it.
    AnswerRetention(boost::asio::any_io_executor executor, storage::AnswerLog& answers, int keep_days, storage::HandOffs* hand_offs = nullptr);

    /// Deletes what is past the retention at `now` (see AnswerLog::forget_before); returns how many.
    int forget_old(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

    /// Once now and then hourly, as a background task; `stop` ends it.
    void start(BackgroundTasks& tasks);
    void stop();

private:
    storage::AnswerLog& answers_;
    int keep_days_;
    storage::HandOffs* hand_offs_;
    std::shared_ptr<boost::asio::steady_timer> timer_;
};

}  // namespace superbruger::bot
