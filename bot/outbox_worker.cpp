// OutboxWorker: poll, deliver, record.
#include "bot/outbox_worker.hpp"

#include "bot/error.hpp"
#include "bot/log.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot {

namespace {
constexpr std::size_t batch = 50;
constexpr auto first_retry = std::chrono::seconds(30);
constexpr auto longest_wait = std::chrono::hours(1);
}  // namespace

OutboxWorker::OutboxWorker(boost::asio::any_io_executor executor, storage::Outbox& outbox, OutboxConfig config, http::Metrics* metrics)
    : executor_(std::move(executor)),
      outbox_(outbox),
      config_(config),
      metrics_(metrics),
      timer_(std::make_shared<boost::asio::steady_timer>(executor_)) {}

void OutboxWorker::add_platform(std::string const& platform, Deliver deliver, std::size_t per_tenant_per_second) {
    platforms_.insert_or_assign(platform, Platform{std::move(deliver), std::make_unique<RateLimiter>(per_tenant_per_second)});
}

void OutboxWorker::count(std::string_view outcome, std::size_t n) {
    if (metrics_) metrics_->outbox_outcome(outcome, n);
}

std::size_t OutboxWorker::recover() {
    auto const in_doubt = outbox_.release_in_doubt();
    for (auto const& m : in_doubt) {
        log::warn("outbox_in_doubt", {{"id", m.id}, {"platform", m.platform}, {"claimed_at", m.claimed_at}});
    }
    count("in_doubt", in_doubt.size());
    return in_doubt.size();
}

void OutboxWorker::start(BackgroundTasks& tasks) {
    recover();
    tasks.spawn("outbox", run());
}

void OutboxWorker::stop() {
    stopping_ = true;
    timer_->cancel();
}

boost::asio::awaitable<void> OutboxWorker::run() {
    while (!stopping_) {
        try {
            co_await deliver_due();
        } catch (std::exception const& e) {
            log::error("outbox_round_failed", {{"error", e.what()}});  // the database may be busy: next round
        }
        if (stopping_) break;
        timer_->expires_after(config_.poll_interval);
        co_await timer_->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }
}

boost::asio::awaitable<void> OutboxWorker::deliver_due() {
    // Batch after batch until fewer than a batch are due: a sent, failed or parked message is no
    // longer due, so each batch is new.
    for (std::size_t taken = batch; taken == batch && !stopping_;) {
        auto const due = outbox_.due(utc_timestamp(), static_cast<int>(batch));
        taken = due.size();
        co_await deliver(due);
    }
    forget_old_sent();
    if (metrics_) metrics_->outbox_queue(outbox_.count("pending"), outbox_.count("parked"));
}

void OutboxWorker::forget_old_sent() {
    // Hourly is plenty for a retention counted in days.
    auto const now = std::chrono::steady_clock::now();
    if (last_cleanup_ && now - *last_cleanup_ < std::chrono::hours(1)) return;
    last_cleanup_ = now;
    auto const before = std::chrono::system_clock::now() - std::chrono::hours(24) * config_.keep_sent_days;
    if (auto const n = outbox_.forget_sent_before(utc_timestamp(before))) log::info("outbox_sent_forgotten", {{"count", n}});
}

namespace {
/// How long a message to a console persona waits for it in `superbot chat`.
constexpr auto console_wait = std::chrono::hours(24);
}  // namespace

boost::asio::awaitable<void> OutboxWorker::deliver(std::vector<storage::OutboxMessage> const& due) {
    for (auto const& message : due) {
        if (stopping_) break;
        auto const platform = platforms_.find(message.platform);
        if (platform == platforms_.end() && message.platform == "console") {
            // A console persona (`superbot chat --as …`) reads its messages when it next talks.
            // A server running on the same database leaves them a day for that, then closes them
            // instead of parking them, so trying the bot locally never raises the alert.
            if (message.attempts == 0) {
                auto const later = utc_timestamp(std::chrono::system_clock::now() + console_wait);
                outbox_.mark_failed(message.id, "waiting for the console persona to talk again", later, false);
                continue;
            }
            outbox_.close_undeliverable(message.id, "the console has no one to deliver to later", utc_timestamp());
            log::info("outbox_console_dropped", {{"id", message.id}});
            continue;
        }
        if (platform == platforms_.end()) {
            outbox_.mark_failed(message.id, "no way to send on its own to platform '" + message.platform + "'", message.next_attempt_at, true);
            log::warn("outbox_parked", {{"id", message.id}, {"reason", "platform without proactive delivery"}, {"platform", message.platform}});
            count("parked");
            continue;
        }
        // Stay under the platform's per-tenant limit: wait for room rather than be throttled.
        co_await platform->second.per_tenant->acquire(message.tenant);
        // Committed before the send: if the process dies during it, recover() finds the message.
        if (!outbox_.claim(message.id, utc_timestamp())) continue;
        std::string failure;
        unsigned status = 0;
        std::chrono::milliseconds retry_after{0};
        bool refused_for_good = false;
        try {
            // A named local, not a temporary in the co_await (GCC 12 coroutine temporaries).
            auto reply = reply_from_json(nlohmann::json::parse(message.message, nullptr, false));
            co_await platform->second.deliver(message, std::move(reply));
        } catch (BotError const& e) {
            failure = e.what();
            status = e.status();
            retry_after = e.retry_after();
            refused_for_good = e.permanent();
        } catch (std::exception const& e) {
            failure = e.what();
        }
        if (failure.empty()) {
            outbox_.mark_sent(message.id, utc_timestamp());
            log::info("outbox_sent", {{"id", message.id}, {"platform", message.platform}});
            count("sent");
        } else {
            record_failure(message, failure, status, retry_after, refused_for_good);
        }
    }
}

void OutboxWorker::record_failure(storage::OutboxMessage const& message, std::string const& error, unsigned status,
                                  std::chrono::milliseconds retry_after, bool refused_for_good) {
    int const attempts = message.attempts + 1;
    // A refusal for good (the platform's judgement, see BotError::refused) will not get better by waiting.
    bool const park = refused_for_good || attempts >= config_.max_attempts;
    // Doubling waits with ±20 % jitter, so many failed messages do not retry in step; never
    // sooner than the platform asked.
    auto wait = std::chrono::duration_cast<std::chrono::seconds>(first_retry * (1LL << std::min(attempts - 1, 16)));
    wait = std::min<std::chrono::seconds>(wait, longest_wait);
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    auto delay = std::chrono::milliseconds(static_cast<long long>(static_cast<double>(wait.count()) * 1000.0 * jitter(random_)));
    delay = std::max(delay, retry_after);
    auto const retry_at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now() + delay);
    outbox_.mark_failed(message.id, error, utc_timestamp(retry_at), park);
    count(park ? "parked" : "retry_later");
    log::warn(park ? "outbox_parked" : "outbox_retry_later", {{"id", message.id}, {"attempts", attempts}, {"status", status}, {"error", error}});
}

}  // namespace superbruger::bot
