// AnswerRetention: knowledge.keep_answers_days counted back from now.
#include "bot/answer_retention.hpp"
#include "bot/config.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/hand_offs.hpp"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

using namespace superbruger;

TEST_CASE("answers older than keep_answers_days are forgotten and younger ones kept", "[bot][answer_retention]") {
    storage::Database db(":memory:");
    storage::AnswerLog answers(db);
    answers.record({"2026-08-01T10:00:00Z", "teams", "da", "gammelt", "support", "Hypercare", 0.8});
    auto const kept = answers.record({"2026-09-01T10:00:00Z", "teams", "da", "yngre", "support", "Hypercare", 0.8});
    answers.record({"2026-11-20T10:00:00Z", "teams", "da", "nyt", "support", "Hypercare", 0.8});
    boost::asio::io_context ioc;
    CHECK(bot::load_config(std::nullopt).knowledge.keep_answers_days == 90);
    bot::AnswerRetention retention(ioc.get_executor(), answers, 90);
    // 2026-11-22 minus 90 days is 2026-08-24: only the August answer is past it.
    auto const now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours(12);
    CHECK(retention.forget_old(now) == 1);
    CHECK(answers.vote({kept, "p1", true, "2026-11-22T12:00:00Z"}) == storage::VoteOutcome::recorded);
    CHECK(retention.forget_old(now) == 0);
}

TEST_CASE("questions sent on to a person are forgotten with the answers", "[bot][answer_retention][hand_off]") {
    storage::Database db(":memory:");
    storage::AnswerLog answers(db);
    storage::HandOffs hand_offs(db);
    auto const old = hand_offs.add({0, "2026-08-01T10:00:00Z", "teams", "29:anne", "", "Anne", std::nullopt, "gammelt spørgsmål", "", "", "", ""});
    auto const young = hand_offs.add({0, "2026-11-01T10:00:00Z", "teams", "29:anne", "", "Anne", std::nullopt, "nyt spørgsmål", "", "", "", ""});
    boost::asio::io_context ioc;
    bot::AnswerRetention retention(ioc.get_executor(), answers, 90, &hand_offs);
    CHECK(retention.forget_old(std::chrono::sys_days{std::chrono::year{2026} / 11 / 22}) == 1);
    CHECK_FALSE(hand_offs.find(old));
    CHECK(hand_offs.find(young));
}

TEST_CASE("keep_answers_days is read from the config and checked", "[bot][answer_retention][config]") {
    CHECK(bot::parse_config(R"({"knowledge": {"keep_answers_days": 30}})", ".").knowledge.keep_answers_days == 30);
    CHECK_THROWS_WITH(bot::parse_config(R"({"knowledge": {"keep_answers_days": 0}})", "."),
                      Catch::Contains("knowledge.keep_answers_days"));
}
