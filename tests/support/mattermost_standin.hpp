// A loopback stand-in for Mattermost's REST API (https://api.mattermost.com/): users/me,
// channels/direct, posts and actions/dialogs/open, and one incoming webhook (/hooks/<key>), on 127.0.0.1 with an ephemeral port. It checks
// the bot token like Mattermost (a wrong or missing one gets 401 with an AppError body), records
// every call for assertions, and can be told to answer the next calls with an error status.
// Runs the project's own HTTP server on its own thread.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::tests {

struct MattermostCall {
    std::string method;         ///< "GET", "POST"
    std::string path;           ///< "/api/v4/posts", …
    std::string authorization;  ///< the Authorization header, as sent
    std::string body;
    nlohmann::json json;  ///< the body parsed (null when it is no JSON)
};

class MattermostStandIn {
public:
    static constexpr char const* bot_token = "mm-standin-bot-token";
    static constexpr char const* bot_user_id = "botstandin";
    static constexpr char const* team_id = "teamstandin";
    /// The key of the one incoming webhook (POST /hooks/<key>); no bot token is needed there.
    static constexpr char const* incoming_hook_key = "hookstandin0123456789abcde";

    MattermostStandIn();
    ~MattermostStandIn();
    MattermostStandIn(MattermostStandIn const&) = delete;
    MattermostStandIn& operator=(MattermostStandIn const&) = delete;

    std::uint16_t port() const noexcept { return port_; }
    /// The server, as the bot's config names it: "http://127.0.0.1:<port>".
    std::string server_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// The next `count` calls are answered `status` with an AppError body.
    void fail_next(int count, unsigned status);

    /// Every call so far, oldest first; or those to one path.
    std::vector<MattermostCall> calls() const;
    std::vector<MattermostCall> calls(std::string const& path) const;
    /// Waits until `count` calls to `path` (empty: to any) have come.
    bool wait_for(std::string const& path, std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

    /// The direct channel's id channels/direct answers for the bot and `user_id`.
    static std::string direct_channel_of(std::string const& user_id) { return "dm-" + user_id; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::uint16_t port_ = 0;
};

}  // namespace superbruger::tests
