// OutboxWorker: poll, deliver, record.
#include "bot/outbox_worker.hpp"

#include "bot/log.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot {

namespace {
constexpr int batch = 50;
constexpr auto first_retry = std::chrono::seconds(30);
constexpr auto longest_wait = std::chrono::hours(1);
}  // namespace

OutboxWorker::OutboxWorker(boost::asio::any_io_executor executor, storage::Outbox& outbox, OutboxConfig config)
    : executor_(std::move(executor)),
      outbox_(outbox),
      config_(config),
      timer_(std::make_shared<boost::asio::steady_timer>(executor_)),
      per_tenant_(static_cast<std::size_t>(config.per_tenant_per_second)) {}

void OutboxWorker::add_platform(std::string const& platform, Deliver deliver) {
    platforms_[platform] = std::move(deliver);
}

void OutboxWorker::start(BackgroundTasks& tasks) {
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
    for (auto const& message : outbox_.due(utc_timestamp(), batch)) {
        if (stopping_) break;
        auto const platform = platforms_.find(message.platform);
        if (platform == platforms_.end()) {
            outbox_.mark_failed(message.id, "no way to send on its own to platform '" + message.platform + "'", message.next_attempt_at, true);
            log::warn("outbox_parked", {{"id", message.id}, {"reason", "platform without proactive delivery"}, {"platform", message.platform}});
            continue;
        }
        // Stay under the platform's per-tenant limit: wait for room rather than be throttled.
        auto const tenant = message.platform + ":" + message.tenant;
        for (auto wait = per_tenant_.wait_before(tenant, RateLimiter::Clock::now()); wait > RateLimiter::Clock::duration::zero();
             wait = per_tenant_.wait_before(tenant, RateLimiter::Clock::now())) {
            boost::asio::steady_timer pause(executor_, wait);
            co_await pause.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        }
        per_tenant_.record(tenant, RateLimiter::Clock::now());
        std::string failure;
        try {
            co_await platform->second(message, reply_from_json(nlohmann::json::parse(message.message, nullptr, false)));
        } catch (std::exception const& e) {
            failure = e.what();
        }
        if (failure.empty()) {
            outbox_.mark_sent(message.id, utc_timestamp());
            log::info("outbox_sent", {{"id", message.id}, {"platform", message.platform}});
            continue;
        }
        int const attempts = message.attempts + 1;
        bool const park = attempts >= config_.max_attempts;
        // Doubling waits with ±20 % jitter, so many failed messages do not retry in step.
        auto wait = std::chrono::duration_cast<std::chrono::seconds>(first_retry * (1LL << std::min(attempts - 1, 16)));
        wait = std::min<std::chrono::seconds>(wait, longest_wait);
        std::uniform_real_distribution<double> jitter(0.8, 1.2);
        auto const retry_at = std::chrono::system_clock::now() + std::chrono::seconds(static_cast<long long>(static_cast<double>(wait.count()) * jitter(random_)));
        outbox_.mark_failed(message.id, failure, utc_timestamp(retry_at), park);
        log::warn(park ? "outbox_parked" : "outbox_retry_later", {{"id", message.id}, {"attempts", attempts}, {"error", failure}});
    }
}

}  // namespace superbruger::bot
