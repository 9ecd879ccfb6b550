// UserEmails: a Slack user's e-mail address, which links them to the role directory when their
// user id is not registered there (the directory matches people by e-mail too). Read with
// users.info (the users:read.email scope) and kept for an hour, so a conversation costs one
// lookup, not one per message.
#pragma once

#include "bot/channels/slack/web_api_client.hpp"
#include "bot/outbound_handoff.hpp"


#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace superbruger::bot::channels::slack {

class UserEmails {
public:
    /// The lookups run on `outbound` (the WebApiClient's thread).
    UserEmails(WebApiClient& api, OutboundHandoff& outbound) : api_(api), outbound_(outbound) {}

    /// The person's e-mail, or "" when Slack does not tell (no such scope, a bot, Slack out of
    /// reach: the message is answered without it, and asked again later). Never throws.
    net::awaitable<std::string> of(std::string user_id);

    /// Entries at most; past it the expired ones go, and if that is not enough all of them.
    static constexpr std::size_t max_entries = 20000;

private:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        std::string email;
        Clock::time_point until;
    };
    std::optional<std::string> cached(std::string const& user_id, Clock::time_point now);
    void keep(std::string const& user_id, std::string email, Clock::time_point until);
    net::awaitable<std::string> look_up(std::string user_id);

    WebApiClient& api_;
    OutboundHandoff& outbound_;
    std::mutex mutex_;  // requests come from the server's threads, answers from the outbound one
    std::unordered_map<std::string, Entry> entries_;
    bool told_missing_scope_ = false;
};

}  // namespace superbruger::bot::channels::slack
