// OutboxWorker: delivers the outbox's due messages through the platform that can reach each
// recipient, marks them sent, and retries failures with growing waits until a message is parked
// for a coordinator to look at. Runs on the server's io thread, like everything using the database.
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/background_tasks.hpp"
#include "bot/config.hpp"
#include "bot/http/metrics.hpp"
#include "bot/rate_limiter.hpp"
#include "storage/outbox.hpp"

#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace superbruger::bot {

class OutboxWorker {
public:
    /// Sends one message to one recipient, passing the message's idempotency key on to the
    /// platform; throws to report a failure (a BotError that is permanent() parks the message at
    /// once; its retry_after() is the least wait before the next try).
    using Deliver = std::function<boost::asio::awaitable<void>(storage::OutboxMessage const& message, adapters::ChatReply reply)>;

    /// `metrics`, when given, gets every outcome and the queue's size after each round.
    OutboxWorker(boost::asio::any_io_executor executor, storage::Outbox& outbox, OutboxConfig config, http::Metrics* metrics = nullptr);

    /// The way to reach recipients on `platform`, at most `per_tenant_per_second` messages to one
    /// of its tenants in any second (waiting for room rather than being throttled). Messages for
    /// a platform without one are parked.
    void add_platform(std::string const& platform, Deliver deliver, std::size_t per_tenant_per_second);

    /// Finds the sends a killed process left unfinished and makes them due again, logging each
    /// (`outbox_in_doubt`): it cannot be known whether they reached the platform, so they go out
    /// again with the same idempotency key. Returns how many. `start` calls it first.
    std::size_t recover();

    /// Starts polling (as a background task, so a graceful stop waits for a send in flight).
    void start(BackgroundTasks& tasks);
    /// Ends the polling after the current round.
    void stop();

    /// One round: every due message once. Exposed for tests.
    boost::asio::awaitable<void> deliver_due();

private:
    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> deliver(std::vector<storage::OutboxMessage> const& due);
    void count(std::string_view outcome, std::size_t n = 1);
    void forget_old_sent();
    void record_failure(storage::OutboxMessage const& message, std::string const& error, unsigned status, std::chrono::milliseconds retry_after,
                        bool refused_for_good);

    boost::asio::any_io_executor executor_;
    storage::Outbox& outbox_;
    OutboxConfig config_;
    http::Metrics* metrics_;
    struct Platform {
        Deliver deliver;
        std::unique_ptr<RateLimiter> per_tenant;  ///< RateLimiter is not movable
    };
    std::map<std::string, Platform> platforms_;
    std::shared_ptr<boost::asio::steady_timer> timer_;
    bool stopping_ = false;
    std::optional<std::chrono::steady_clock::time_point> last_cleanup_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace superbruger::bot
