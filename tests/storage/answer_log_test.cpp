// AnswerLog: answers get ids, one vote per voter and answer, the down-voted report.
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::storage;

namespace {
GivenAnswer answer(std::string question, std::string at = "2026-11-22T10:00:00Z") {
    return {std::move(at), "cli", "da", std::move(question), "support", "Hypercare", 0.8};
}
}  // namespace

TEST_CASE("answers get distinct ids and bad answers are refused", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const first = log.record(answer("hvem yder support?"));
    auto const second = log.record(answer("hvem yder support?"));
    CHECK(first > 0);
    CHECK(second != first);
    CHECK_THROWS_AS(log.record(answer("")), StorageError);
    auto bad_language = answer("q");
    bad_language.language = "de";
    CHECK_THROWS_AS(log.record(bad_language), StorageError);
}

TEST_CASE("a voter has one vote per answer and can change it", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const id = log.record(answer("hvem yder support?"));
    CHECK(log.vote({id, "p1", false, "2026-11-22T10:01:00Z"}) == VoteOutcome::recorded);
    CHECK(log.vote({id, "p1", false, "2026-11-22T10:02:00Z"}) == VoteOutcome::unchanged);
    CHECK(log.vote({id, "p1", true, "2026-11-22T10:03:00Z"}) == VoteOutcome::changed);
    CHECK(log.vote({id + 100, "p1", true, "2026-11-22T10:03:00Z"}) == VoteOutcome::unknown_answer);
    CHECK(log.down_voted(10).empty());
}

TEST_CASE("the down-voted report groups questions and lists the newest first", "[storage][answer_log]") {
    Database db(":memory:");
    AnswerLog log(db);
    auto const a = log.record(answer("Hvem yder support?"));
    auto const b = log.record(answer("hvem yder support?"));
    auto const c = log.record(answer("hvad er en release?"));
    auto const d = log.record(answer("hvad er hypercare?"));
    log.vote({a, "p1", false, "2026-11-22T10:00:00Z"});
    log.vote({b, "p2", false, "2026-11-22T10:05:00Z"});
    log.vote({b, "p3", true, "2026-11-22T10:06:00Z"});
    log.vote({c, "p1", false, "2026-11-22T11:00:00Z"});
    log.vote({d, "p1", true, "2026-11-22T12:00:00Z"});  // only praised: not in the report

    auto report = log.down_voted(10);
    REQUIRE(report.size() == 2);
    CHECK(report[0].question == "hvad er en release?");
    CHECK(report[1].question == "hvem yder support?");
    CHECK(report[1].not_helpful == 2);
    CHECK(report[1].helpful == 1);
    CHECK(report[1].last_voted_at == "2026-11-22T10:06:00Z");
    CHECK(log.down_voted(1).size() == 1);
}

TEST_CASE("a vote joins a surrounding transaction and is undone with it", "[storage][answer_log]") {
    // A Teams card submit is handled inside one transaction with the activity-id claim.
    Database db(":memory:");
    AnswerLog log(db);
    auto const id = log.record(answer("hvem yder support?"));
    db.write_all_or_nothing([&] { CHECK(log.vote({id, "voter", false, "2026-11-22T10:01:00Z"}) == VoteOutcome::recorded); });
    CHECK(log.down_voted(10).size() == 1);
    CHECK_THROWS(db.write_all_or_nothing([&] {
        log.vote({id, "other", false, "2026-11-22T10:02:00Z"});
        throw std::runtime_error("the rest of the handling failed");
    }));
    CHECK(log.down_voted(10).at(0).not_helpful == 1);
}
