// Retry decisions and Retry-After parsing.
#include "bot/http/retry_policy.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <string>

namespace superbruger::bot::http {

bool RetryPolicy::retryable(unsigned status) noexcept {
    return status == 412 || status == 429 || status == 502 || status == 503 || status == 504;
}

std::optional<std::chrono::milliseconds> RetryPolicy::delay_before(int next_attempt, std::string_view retry_after,
                                                                   std::mt19937_64& random,
                                                                   std::chrono::system_clock::time_point now) const {
    if (next_attempt > attempts || next_attempt < 2) return std::nullopt;
    if (!retry_after.empty()) {
        if (auto asked = parse_retry_after(retry_after, now)) {
            if (*asked > max_delay) return std::nullopt;
            return *asked;
        }
    }
    auto backoff = base_delay * (1LL << std::min(next_attempt - 2, 20));
    std::uniform_real_distribution<double> spread(1.0 - jitter, 1.0 + jitter);
    auto const jittered = std::chrono::milliseconds(static_cast<long long>(static_cast<double>(backoff.count()) * spread(random)));
    return std::min(jittered, max_delay);
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
        if (value.size() > 9) return std::nullopt;
        return std::chrono::seconds(std::stoll(std::string(value)));
    }
    std::tm tm{};
    std::istringstream in{std::string(value)};
    in.imbue(std::locale::classic());
    in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S GMT");
    if (in.fail()) return std::nullopt;
    auto const at = std::chrono::system_clock::from_time_t(timegm(&tm));
    if (at <= now) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
}

}  // namespace superbruger::bot::http
