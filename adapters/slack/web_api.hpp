// What a Slack Web API call came to. Slack answers most errors with HTTP 200 and
// {"ok": false, "error": "…"} (https://api.slack.com/web#responses), so the status code alone
// does not tell: the body decides whether a message was sent, should be retried, or can never be.
// Rate limits come as HTTP 429 with Retry-After in seconds (https://api.slack.com/docs/rate-limits).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

struct ApiOutcome {
    enum class Kind {
        sent,     ///< ok:true; `channel` and `ts` when the method returns them
        retry,    ///< try again after `retry_after` (zero: the caller's own backoff)
        refused,  ///< will never succeed as asked (unknown channel, revoked token, …): park it
    };
    Kind kind = Kind::retry;
    std::chrono::seconds retry_after{0};
    std::string error;    ///< Slack's error code, or a description of what came back
    std::string channel;  ///< chat.postMessage: "channel"; conversations.open: "channel.id"
    std::string ts;       ///< chat.postMessage: the new message's ts
};

/// `retry_after` is the Retry-After header's value (may be empty).
ApiOutcome classify_response(unsigned status, std::string_view retry_after, std::string_view body);

/// The parts of users.info's user object the bot uses (https://docs.slack.dev/reference/methods/users.info).
/// The e-mail is there only with the users:read.email scope.
struct UserInfo {
    std::string id;
    std::string team_id;
    std::string name;          ///< the profile's display name, else real name, else the handle
    std::string email;
    bool is_bot = false;
    bool deleted = false;
};

/// Reads a users.info answer that classify_response called sent. Throws AdapterError{bad_request}
/// when it holds no user object with an id.
UserInfo parse_user_info(std::string_view body);

}  // namespace superbruger::adapters::slack
