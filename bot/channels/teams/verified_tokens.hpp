// VerifiedTokens: the Bot Framework sends the same bearer token with every activity for about an
// hour. Remembering which tokens passed the check, and what they vouch for, until they expire,
// saves an RSA verification per request; a new token still gets the full check.
#pragma once

#include "adapters/bot_framework/request_auth.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace superbruger::bot::channels::teams {

class VerifiedTokens {
public:
    using Clock = std::chrono::system_clock;

    explicit VerifiedTokens(std::size_t capacity = 256) : capacity_(capacity) {}

    /// The token's check result when this exact Authorization value passed and is still within
    /// its validity, else null. The pointer is good until the next add().
    adapters::bot_framework::TrustedToken const* find(std::string_view authorization, Clock::time_point now);

    /// Records a token that passed. When full, expired entries go first, and if none has
    /// expired, all of them (the next requests are simply checked again).
    void add(std::string_view authorization, adapters::bot_framework::TrustedToken token, Clock::time_point now);

    std::size_t size() const noexcept { return entries_.size(); }

private:
    std::size_t capacity_;
    std::unordered_map<std::string, adapters::bot_framework::TrustedToken> entries_;
};

}  // namespace superbruger::bot::channels::teams
