// Metrics: request counters and a latency histogram, rendered as Prometheus text.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace superbruger::bot::http {

/// Used only from the server's io thread, so it needs no locking.
class Metrics {
public:
    /// `route` must come from a bounded set (a registered route or "unmatched") so the number of
    /// series stays bounded whatever paths clients send.
    void observe_request(std::string_view route, unsigned status, std::chrono::duration<double> latency);
    void connection_opened() noexcept { ++open_connections_; }
    void connection_closed() noexcept { --open_connections_; }
    void connection_refused() noexcept { ++refused_connections_; }
    /// An idle connection closed early to make room for a new one at a connection limit.
    void connection_evicted() noexcept { ++evicted_connections_; }

    /// After every knowledge load: what is loaded and how many files or lines were skipped.
    void knowledge_loaded(std::size_t documents, std::size_t problems) noexcept {
        knowledge_documents_ = documents;
        knowledge_problems_ = problems;
        ++knowledge_loads_;
    }

    /// What became of one outbox message at one attempt ("sent", "retry_later", "parked") or at
    /// start-up ("in_doubt": a killed process's send, made due again).
    void outbox_outcome(std::string_view outcome, std::uint64_t n = 1) { outbox_outcomes_[std::string(outcome)] += n; }
    /// A background task (a reply, a welcome) that failed; `task` comes from a fixed set of names.
    void background_task_failed(std::string_view task) { background_failures_[std::string(task)] += 1; }

    /// After every outbox round: messages waiting (due or later) and parked.
    void outbox_queue(std::size_t pending, std::size_t parked) noexcept {
        outbox_pending_ = pending;
        outbox_parked_ = parked;
    }

    /// The Prometheus text exposition format, version 0.0.4.
    std::string render() const;

private:
    static constexpr std::array<double, 12> bounds_ = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, bounds_.size()> buckets{};  ///< non-cumulative counts
        std::uint64_t count = 0;
        double sum = 0;
    };
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, Histogram, std::less<>> latency_;
    std::int64_t open_connections_ = 0;
    std::uint64_t refused_connections_ = 0;
    std::uint64_t evicted_connections_ = 0;
    std::size_t knowledge_documents_ = 0;
    std::size_t knowledge_problems_ = 0;
    std::uint64_t knowledge_loads_ = 0;
    std::map<std::string, std::uint64_t, std::less<>> outbox_outcomes_;
    std::map<std::string, std::uint64_t, std::less<>> background_failures_;
    std::size_t outbox_pending_ = 0;
    std::size_t outbox_parked_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace superbruger::bot::http
