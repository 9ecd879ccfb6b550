// RetryPolicy: when to try an outbound call again and how long to wait first. Shared by every
// platform we write to: Teams (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit: retry 412, 429, 502, 503, 504; honour
// Retry-After, else exponential backoff with random jitter, a bounded number of times) and the
// chat platforms that follow the same HTTP conventions.
#pragma once

#include <chrono>
#include <optional>
#include <random>
#include <string_view>

namespace superbruger::bot::http {

struct RetryPolicy {
    int attempts = 4;                                 ///< in all, the first one included
    std::chrono::milliseconds base_delay{1000};       ///< first backoff; doubles each time
    std::chrono::milliseconds max_delay{30000};       ///< a longer Retry-After means: give up
    double jitter = 0.2;                              ///< ± share of the backoff

    /// True for the statuses worth another try.
    static bool retryable(unsigned status) noexcept;

    /// The wait before attempt number `next_attempt` (2 for the first retry), or nullopt when no
    /// attempt is left or the server asks for longer than max_delay. `retry_after` is the
    /// header's value (seconds or an HTTP date), empty when absent; `now` reads HTTP dates.
    std::optional<std::chrono::milliseconds> delay_before(int next_attempt, std::string_view retry_after, std::mt19937_64& random,
                                                          std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;
};

/// Retry-After as a wait: delta-seconds or an IMF-fixdate (RFC 9110 §10.2.3). nullopt when
/// unreadable; a date in the past is zero.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace superbruger::bot::http
