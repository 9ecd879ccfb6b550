// A loopback stand-in for Slack's Web API (https://slack.com/api/<method>): chat.postMessage,
// chat.update, conversations.open, views.open and users.info, on 127.0.0.1 with an ephemeral
// port. It checks the bot token like Slack (a wrong or missing one gets HTTP 200 with
// {"ok":false,"error":"invalid_auth"} or "not_authed"), records every call for assertions, and
// can be told to answer the next calls with an ok:false error or with 429 and Retry-After.
// Also: the headers that sign an inbound request the way Slack signs it, for tests that post
// to the bot. Runs the project's own HTTP server on its own thread.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::tests {

struct SlackCall {
    std::string method;         ///< "chat.postMessage", …
    std::string authorization;  ///< the Authorization header, as sent
    std::string content_type;
    std::string body;
    /// The arguments: the JSON body, or the form body's (or query's) fields as a JSON object.
    nlohmann::json args;
};

class SlackStandIn {
public:
    static constexpr char const* bot_token = "xoxb-standin-bot-token";
    static constexpr char const* signing_secret = "standin-signing-secret";
    static constexpr char const* team_id = "TSTANDIN";
    static constexpr char const* bot_user_id = "UBOTSTANDIN";

    SlackStandIn();
    ~SlackStandIn();
    SlackStandIn(SlackStandIn const&) = delete;
    SlackStandIn& operator=(SlackStandIn const&) = delete;

    std::uint16_t port() const noexcept { return port_; }
    /// The Web API base, as the bot's config names it: "http://127.0.0.1:<port>/api/".
    std::string api_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/api/"; }

    /// A person users.info knows (with an e-mail, as with the users:read.email scope).
    void add_user(std::string const& user_id, std::string const& email, std::string const& real_name);

    /// The next `count` calls (any method) are answered HTTP 200 {"ok":false,"error":error}.
    void fail_next(int count, std::string error);
    /// The next `count` calls are answered HTTP 429 with Retry-After: `retry_after_seconds`.
    void rate_limit_next(int count, int retry_after_seconds);

    /// Every call so far, oldest first; or those of one method.
    std::vector<SlackCall> calls() const;
    std::vector<SlackCall> calls(std::string const& method) const;
    std::size_t call_count() const;
    /// Waits until `count` calls of `method` (empty: of any method) have come.
    bool wait_for(std::string const& method, std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::uint16_t port_ = 0;
};

/// X-Slack-Request-Timestamp and X-Slack-Signature for `body`, signed with `secret` at `when`
/// (default now): what Slack sends with every request to the bot.
std::vector<std::pair<std::string, std::string>> slack_signed_headers(
    std::string const& body, std::string const& secret = SlackStandIn::signing_secret,
    std::chrono::system_clock::time_point when = std::chrono::system_clock::now());

/// An Events API message.im from `user` in `team`, as Slack posts it (event_id `event_id`).
nlohmann::json slack_dm_event(std::string const& event_id, std::string const& text, std::string const& user = "UANNE",
                              std::string const& team = SlackStandIn::team_id);

}  // namespace superbruger::tests
