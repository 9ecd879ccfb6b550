// VerifiedTokens: a bounded map with expiry.
#include "bot/teams/verified_tokens.hpp"

#include <iterator>

namespace superbruger::bot::teams {

std::string VerifiedTokens::key(std::string_view authorization, std::string_view channel_id, std::string_view service_url) {
    std::string k;
    k.reserve(authorization.size() + channel_id.size() + service_url.size() + 2);
    // A newline cannot occur in an HTTP header value, a channel id or a URL: the parts cannot blur.
    k.append(authorization).append(1, '\n').append(channel_id).append(1, '\n').append(service_url);
    return k;
}

bool VerifiedTokens::contains(std::string_view authorization, std::string_view channel_id, std::string_view service_url,
                              Clock::time_point now) {
    auto it = entries_.find(key(authorization, channel_id, service_url));
    if (it == entries_.end()) return false;
    if (now < it->second) return true;
    entries_.erase(it);
    return false;
}

void VerifiedTokens::add(std::string_view authorization, std::string_view channel_id, std::string_view service_url,
                         Clock::time_point valid_until, Clock::time_point now) {
    if (capacity_ == 0 || valid_until <= now) return;
    if (entries_.size() >= capacity_) {
        std::erase_if(entries_, [now](auto const& entry) { return entry.second <= now; });
        if (entries_.size() >= capacity_) entries_.clear();
    }
    entries_[key(authorization, channel_id, service_url)] = valid_until;
}

}  // namespace superbruger::bot::teams
