// VerifiedTokens: the Bot Framework sends the same bearer token with every activity for about an
// hour. Remembering which (token, channel, serviceUrl) triples passed the full check, until the
// token expires, saves an RSA verification per request; anything new still gets the full check.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace superbruger::bot::teams {

class VerifiedTokens {
public:
    using Clock = std::chrono::system_clock;

    explicit VerifiedTokens(std::size_t capacity = 256) : capacity_(capacity) {}

    /// True when this exact triple passed the full check and is still within its validity.
    bool contains(std::string_view authorization, std::string_view channel_id, std::string_view service_url, Clock::time_point now);

    /// Records a triple that passed, acceptable until `valid_until`. When full, expired entries
    /// go first, and if none has expired, all of them (the next requests are simply checked).
    void add(std::string_view authorization, std::string_view channel_id, std::string_view service_url, Clock::time_point valid_until,
             Clock::time_point now);

    std::size_t size() const noexcept { return entries_.size(); }

private:
    static std::string key(std::string_view authorization, std::string_view channel_id, std::string_view service_url);
    std::size_t capacity_;
    std::unordered_map<std::string, Clock::time_point> entries_;
};

}  // namespace superbruger::bot::teams
