// The outbox worker: sent messages are marked, failures wait and retry, then park; messages for a
// platform nobody can reach are parked at once.
#include "bot/error.hpp"
#include "bot/outbox_worker.hpp"
#include "bot/time_format.hpp"
#include "storage/database.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot;

namespace {

/// Messages to one tenant per second: more than any test sends.
constexpr std::size_t per_tenant = 1000;

storage::OutboxMessage message(std::string key, std::string platform) {
    auto const now = utc_timestamp();
    auto m = storage::OutboxMessage::to(key, std::move(platform), "29:anne", "t", R"({"text":"Hej"})", now, now);
    m.idempotency_key = std::move(key);
    return m;
}

void round(boost::asio::io_context& ioc, OutboxWorker& worker) {
    auto f = boost::asio::co_spawn(ioc, worker.deliver_due(), boost::asio::use_future);
    ioc.restart();
    ioc.run();
    f.get();
}

}  // namespace

TEST_CASE("the outbox worker sends, retries later, parks after the attempts and parks the unreachable", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    boost::asio::io_context ioc;
    OutboxConfig config;
    config.max_attempts = 2;
    http::Metrics metrics;
    OutboxWorker worker(ioc.get_executor(), outbox, config, &metrics);
    int calls = 0;
    bool fail = true;
    std::string seen_text;
    worker.add_platform("teams", [&](storage::OutboxMessage const&, adapters::ChatReply reply) -> boost::asio::awaitable<void> {
        ++calls;
        seen_text = reply.text;
        if (fail) throw std::runtime_error("HTTP 503");
        co_return;
    }, per_tenant);
    REQUIRE(outbox.enqueue(message("a", "teams")));
    REQUIRE(outbox.enqueue(message("b", "mattermost")));
    REQUIRE(outbox.enqueue(message("local", "console")));  // someone tried the bot in `superbot chat`

    round(ioc, worker);
    CHECK(calls == 1);
    CHECK(seen_text == "Hej");
    auto const text = metrics.render();
    CHECK_THAT(text, Catch::Contains("superbot_outbox_messages_total{outcome=\"retry_later\"} 1\n") &&
                         Catch::Contains("superbot_outbox_messages_total{outcome=\"parked\"} 1\n") &&
                         Catch::Contains("superbot_outbox_pending 2\n") && Catch::Contains("superbot_outbox_parked 1\n"));
    CHECK(outbox.with_status("parked").size() == 1);  // the Mattermost message: no way to reach it
    // The console's message waits a day for its persona to talk again in `superbot chat` (which
    // shows it then), is never parked: trying the bot locally raises no alert.
    std::vector<storage::OutboxMessage> pending;
    std::optional<storage::OutboxMessage> console;
    for (auto& m : outbox.with_status("pending")) {
        if (m.platform == "console") console = m;
        else pending.push_back(m);
    }
    REQUIRE(console);
    CHECK(console->next_attempt_at > utc_timestamp(std::chrono::system_clock::now() + std::chrono::hours(23)));
    CHECK(outbox.with_status("dismissed").empty());
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].attempts == 1);
    CHECK(pending[0].last_error == "HTTP 503");
    CHECK(pending[0].next_attempt_at > utc_timestamp());  // waits before the next try

    round(ioc, worker);
    CHECK(calls == 1);  // not due yet

    // Due again: fails a second time and is parked (max_attempts = 2).
    db.write_all_or_nothing([&] { outbox.mark_failed(pending[0].id, "HTTP 503", utc_timestamp(), false); });
    round(ioc, worker);
    CHECK(calls == 2);
    CHECK(outbox.with_status("parked").size() == 2);

    // Nobody came for the console's message within the day: closed, still without an alert.
    db.write_all_or_nothing([&] { outbox.mark_failed(console->id, console->last_error, utc_timestamp(), false); });
    round(ioc, worker);
    CHECK(outbox.with_status("dismissed").size() == 1);
    CHECK(outbox.with_status("parked").size() == 2);

    fail = false;
    REQUIRE(outbox.enqueue(message("c", "teams")));
    round(ioc, worker);
    CHECK(outbox.with_status("sent").size() == 1);
}

TEST_CASE("the outbox worker claims a message before sending it and hands the platform its key", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    boost::asio::io_context ioc;
    OutboxWorker worker(ioc.get_executor(), outbox, OutboxConfig{});
    std::vector<std::string> claimed_during_send;
    std::vector<std::string> keys;
    worker.add_platform("teams", [&](storage::OutboxMessage const& m, adapters::ChatReply) -> boost::asio::awaitable<void> {
        // What a crash at this moment would leave behind: the claim is already in the database.
        for (auto const& pending : outbox.with_status("pending")) {
            if (!pending.claimed_at.empty()) claimed_during_send.push_back(pending.idempotency_key);
        }
        keys.push_back(m.idempotency_key);
        co_return;
    }, per_tenant);
    REQUIRE(outbox.enqueue(message("a", "teams")));
    round(ioc, worker);
    CHECK(claimed_during_send == std::vector<std::string>{"a"});
    CHECK(keys == std::vector<std::string>{"a"});
    auto const sent = outbox.with_status("sent");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].claimed_at.empty());
}

TEST_CASE("after a crash the worker sends the messages in doubt again with the same key", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    REQUIRE(outbox.enqueue(message("a", "teams")));
    REQUIRE(outbox.claim(outbox.due(utc_timestamp(), 1).at(0).id, utc_timestamp()));  // the killed process's claim

    boost::asio::io_context ioc;
    http::Metrics metrics;
    OutboxWorker worker(ioc.get_executor(), outbox, OutboxConfig{}, &metrics);
    std::vector<std::string> keys;
    worker.add_platform("teams", [&](storage::OutboxMessage const& m, adapters::ChatReply) -> boost::asio::awaitable<void> {
        keys.push_back(m.idempotency_key);
        co_return;
    }, per_tenant);
    round(ioc, worker);
    CHECK(keys.empty());  // still claimed: a running worker leaves it alone
    CHECK(worker.recover() == 1);
    CHECK_THAT(metrics.render(), Catch::Contains("superbot_outbox_messages_total{outcome=\"in_doubt\"} 1\n"));
    round(ioc, worker);
    CHECK(keys == std::vector<std::string>{"a"});
    CHECK(outbox.with_status("sent").size() == 1);
    auto const text = metrics.render();
    CHECK_THAT(text, Catch::Contains("superbot_outbox_messages_total{outcome=\"sent\"} 1\n") &&
                         Catch::Contains("superbot_outbox_pending 0\n") && Catch::Contains("superbot_outbox_parked 0\n"));
}

TEST_CASE("the outbox worker parks a message the platform refuses for good and waits as long as Retry-After asks", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    boost::asio::io_context ioc;
    OutboxWorker worker(ioc.get_executor(), outbox, OutboxConfig{});
    BotError next_failure = BotError::refused("Bot Connector: HTTP 403 ConversationBlockedByUser", 403);
    worker.add_platform("teams", [&](storage::OutboxMessage const&, adapters::ChatReply) -> boost::asio::awaitable<void> {
        throw next_failure;
        co_return;
    }, per_tenant);
    REQUIRE(outbox.enqueue(message("blocked", "teams")));
    round(ioc, worker);
    auto parked = outbox.with_status("parked");
    REQUIRE(parked.size() == 1);  // at the first attempt: asking again cannot help
    CHECK(parked[0].attempts == 1);
    CHECK(parked[0].last_error == "Bot Connector: HTTP 403 ConversationBlockedByUser");

    next_failure = BotError(BotError::Kind::upstream, "Bot Connector: gave up after 4 attempts: HTTP 429 Throttled", 429, std::chrono::hours(2));
    REQUIRE(outbox.enqueue(message("throttled", "teams")));
    round(ioc, worker);
    auto pending = outbox.with_status("pending");
    REQUIRE(pending.size() == 1);
    // The first retry would be 30 s ± 20 %; the platform asked for two hours.
    CHECK(pending[0].next_attempt_at >= utc_timestamp(std::chrono::system_clock::now() + std::chrono::minutes(119)));
}

TEST_CASE("one outbox round sends everything due, not just the first batch", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    boost::asio::io_context ioc;
    OutboxWorker worker(ioc.get_executor(), outbox, OutboxConfig{});
    int calls = 0;
    worker.add_platform("teams", [&](storage::OutboxMessage const&, adapters::ChatReply) -> boost::asio::awaitable<void> {
        ++calls;
        co_return;
    }, per_tenant);
    for (int i = 0; i < 120; ++i) REQUIRE(outbox.enqueue(message("m" + std::to_string(i), "teams")));
    round(ioc, worker);
    CHECK(calls == 120);  // a big announcement does not wait a poll interval per 50 messages
    CHECK(outbox.with_status("sent").size() == 120);
}

TEST_CASE("the outbox worker forgets sent messages after outbox.keep_sent_days", "[bot][outbox]") {
    storage::Database db(":memory:");
    storage::Outbox outbox(db);
    boost::asio::io_context ioc;
    OutboxConfig config;
    config.keep_sent_days = 30;
    OutboxWorker worker(ioc.get_executor(), outbox, config);
    REQUIRE(outbox.enqueue(message("old", "teams")));
    REQUIRE(outbox.enqueue(message("new", "teams")));
    auto const due = outbox.due(utc_timestamp(), 10);
    outbox.mark_sent(due[0].id, utc_timestamp(std::chrono::system_clock::now() - std::chrono::hours(24 * 31)));
    outbox.mark_sent(due[1].id, utc_timestamp(std::chrono::system_clock::now() - std::chrono::hours(24 * 29)));
    round(ioc, worker);
    auto const sent = outbox.with_status("sent");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].idempotency_key == "new");
}
