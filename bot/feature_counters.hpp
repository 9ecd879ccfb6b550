// FeatureCounters: how often each feature did its job since the process started, for /metrics
// (bot/http/metrics.cpp renders them). The features count wherever they run (the HTTP thread,
// the Teams reply thread, a CLI command), hence the atomics and the one process-wide instance.
#pragma once

#include <atomic>
#include <cstdint>

namespace superbruger::bot {

struct FeatureCounters {
    std::atomic<std::uint64_t> questions_answered{0};
    std::atomic<std::uint64_t> questions_declined{0};  ///< "I don't know", recorded for the maintainers
    /// Command attempts the bot did not understand ("ret", "fortryd", "gennemgaa"): answered with
    /// the real commands and not recorded as unanswered questions.
    std::atomic<std::uint64_t> commands_not_understood{0};
    std::atomic<std::uint64_t> change_requests_filed{0};
    std::atomic<std::uint64_t> change_requests_supported{0};
    std::atomic<std::uint64_t> reviews_saved{0};  ///< release-note items reviewed by a municipality
};

/// The process's counters.
inline FeatureCounters& feature_counters() {
    static FeatureCounters counters;
    return counters;
}

}  // namespace superbruger::bot
