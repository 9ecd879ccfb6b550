// The outbox worker: sent messages are marked, failures wait and retry, then park; messages for a
// platform nobody can reach are parked at once.
#include "bot/outbox_worker.hpp"
#include "bot/time_format.hpp"
#include "storage/database.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot;

namespace {

storage::OutboxMessage message(std::string key, std::string platform) {
    auto const now = utc_timestamp();
    return {0, std::move(key), std::move(platform), "29:anne", "t", R"({"text":"Hej"})", "pending", 0, now, "", now};
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
    OutboxWorker worker(ioc.get_executor(), outbox, config);
    int calls = 0;
    bool fail = true;
    std::string seen_text;
    worker.add_platform("teams", [&](storage::OutboxMessage const&, adapters::ChatReply reply) -> boost::asio::awaitable<void> {
        ++calls;
        seen_text = reply.text;
        if (fail) throw std::runtime_error("HTTP 503");
        co_return;
    });
    REQUIRE(outbox.enqueue(message("a", "teams")));
    REQUIRE(outbox.enqueue(message("b", "console")));

    round(ioc, worker);
    CHECK(calls == 1);
    CHECK(seen_text == "Hej");
    CHECK(outbox.with_status("parked").size() == 1);  // the console message: no way to reach it
    auto pending = outbox.with_status("pending");
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

    fail = false;
    REQUIRE(outbox.enqueue(message("c", "teams")));
    round(ioc, worker);
    CHECK(outbox.with_status("sent").size() == 1);
}
