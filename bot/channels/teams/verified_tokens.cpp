// VerifiedTokens: a bounded map with expiry.
#include "bot/channels/teams/verified_tokens.hpp"

namespace superbruger::bot::channels::teams {

adapters::bot_framework::TrustedToken const* VerifiedTokens::find(std::string_view authorization, Clock::time_point now) {
    auto it = entries_.find(std::string(authorization));
    if (it == entries_.end()) return nullptr;
    if (now < it->second.valid_until) return &it->second;
    entries_.erase(it);
    return nullptr;
}

void VerifiedTokens::add(std::string_view authorization, adapters::bot_framework::TrustedToken token, Clock::time_point now) {
    if (capacity_ == 0 || token.valid_until <= now) return;
    if (entries_.size() >= capacity_) {
        std::erase_if(entries_, [now](auto const& entry) { return entry.second.valid_until <= now; });
        if (entries_.size() >= capacity_) entries_.clear();
    }
    entries_.insert_or_assign(std::string(authorization), std::move(token));
}

}  // namespace superbruger::bot::channels::teams
