// OutboundHandoff: the tasks of one round go over to the outbound thread together, and each
// caller resumes on its own executor with its result or its exception.
#include "bot/outbound_handoff.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using superbruger::bot::OutboundHandoff;
namespace net = boost::asio;

namespace {

net::awaitable<int> doubled(int value, int& started, net::io_context& outbound, bool& on_outbound) {
    ++started;
    on_outbound = outbound.get_executor().running_in_this_thread();
    co_return 2 * value;
}

net::awaitable<void> failing() {
    throw std::runtime_error("connector refused");
    co_return;
}

}  // namespace

TEST_CASE("tasks started in one round reach the outbound context as one handler", "[bot][outbound]") {
    net::io_context serving;
    net::io_context outbound;  // run by hand, step by step, on this thread
    OutboundHandoff handoff(outbound.get_executor());
    int started = 0;
    bool on_outbound = false;
    std::vector<int> results;
    std::vector<bool> resumed_on_serving;
    for (int i = 1; i <= 3; ++i) {
        net::co_spawn(serving, [&, i]() -> net::awaitable<void> {
            results.push_back(co_await handoff.run(doubled(i, started, outbound, on_outbound)));
            resumed_on_serving.push_back(serving.get_executor().running_in_this_thread());
        }, net::detached);
    }
    serving.poll();
    CHECK(started == 0);  // nothing crossed yet: the hand-over waits for the end of the round
    // One handler on the outbound context starts all three.
    CHECK(outbound.poll_one() == 1);
    CHECK(started == 3);
    outbound.poll();
    CHECK(on_outbound);
    CHECK(results.empty());  // the results come back through the serving context
    serving.poll();
    CHECK(results == std::vector<int>{2, 4, 6});
    CHECK(resumed_on_serving == std::vector<bool>{true, true, true});
}

TEST_CASE("a task that throws on the outbound side throws at the caller", "[bot][outbound]") {
    net::io_context serving;
    net::io_context outbound;
    OutboundHandoff handoff(outbound.get_executor());
    std::string caught;
    net::co_spawn(serving, [&]() -> net::awaitable<void> {
        try {
            co_await handoff.run(failing());
        } catch (std::runtime_error const& e) {
            caught = e.what();
        }
    }, net::detached);
    for (int i = 0; i < 10 && caught.empty(); ++i) {
        serving.poll();
        outbound.poll();
        serving.restart();
        outbound.restart();
    }
    CHECK(caught == "connector refused");
}

TEST_CASE("a task started after the hand-over goes in the next batch", "[bot][outbound]") {
    net::io_context serving;
    net::io_context outbound;
    OutboundHandoff handoff(outbound.get_executor());
    int started = 0;
    bool on_outbound = false;
    int sum = 0;
    auto start = [&](int i) {
        net::co_spawn(serving, [&, i]() -> net::awaitable<void> { sum += co_await handoff.run(doubled(i, started, outbound, on_outbound)); },
                      net::detached);
    };
    start(1);
    serving.poll();
    serving.restart();
    start(2);
    serving.poll();
    CHECK(outbound.poll() >= 2);  // two batches, one task each
    CHECK(started == 2);
    serving.restart();
    serving.poll();
    CHECK(sum == 6);
}
