// What Slack sends the bot, read into a platform-neutral result. Three kinds of request, each
// already verified (request_signature.hpp) before it comes here:
// - Events API (application/json): url_verification and event_callback
//   (https://docs.slack.dev/apis/events-api, https://api.slack.com/events/url_verification);
// - slash commands (application/x-www-form-urlencoded: command, text, user_id, …)
//   (https://docs.slack.dev/interactivity/implementing-slash-commands);
// - interactivity (a form with one `payload` field holding JSON: block_actions, view_submission)
//   (https://docs.slack.dev/interactivity/handling-user-interaction).
#pragma once

#include "adapters/chat_message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

struct InboundSettings {
    /// The bot's own user id (U…). When empty it is read from the event's `authorizations`
    /// entry with is_bot; either way the bot's own messages and mentions are recognised.
    std::string bot_user_id;
    /// When set, payloads for another app (`api_app_id`) are ignored.
    std::string app_id;
    /// Answer channel messages that do not mention the bot (message.channels). Off: in channels
    /// the bot answers only when mentioned (app_mention).
    bool channel_messages = false;
};

struct Inbound {
    enum class Kind {
        url_verification,  ///< answer 200 with `challenge`
        message,           ///< `message` is for the Assistant
        open_form,         ///< a click on the form button: open `form` as a modal (views.open)
        ignored,           ///< acknowledge with 200 and do nothing; `reason` says why (for the log)
    };
    enum class Source { event, slash_command, block_actions, view_submission, other };

    Kind kind = Kind::ignored;
    Source source = Source::other;
    std::string challenge;
    ChatMessage message;           ///< also filled for open_form (sender, reply address)
    std::optional<Form> form;      ///< open_form
    std::string reason;
    int retry_num = 0;             ///< X-Slack-Retry-Num: 0 for a first delivery
    std::string retry_reason;      ///< X-Slack-Retry-Reason
    std::string team_id;           ///< the workspace (T…), when the payload names one
    std::string enterprise_id;     ///< the Enterprise Grid organisation (E…), when there is one
};

/// An Events API body. `retry_num` and `retry_reason` are the X-Slack-Retry-Num and
/// X-Slack-Retry-Reason header values (empty for a first delivery). Throws
/// AdapterError{bad_request} when the body is not a JSON object with a string `type`.
Inbound parse_event(std::string_view body, InboundSettings const& settings, std::string_view retry_num = {},
                    std::string_view retry_reason = {});

/// A slash command's form body. Throws AdapterError{bad_request} without user_id or command.
Inbound parse_slash_command(std::string_view body, InboundSettings const& settings = {});

/// An interactivity form body (`payload=<json>`). Throws AdapterError{bad_request} when there is
/// no payload field, it is no JSON object with a `type`, or a submission of our form lacks the
/// metadata our modal carries.
Inbound parse_interaction(std::string_view body, InboundSettings const& settings = {});

/// Picks by content type: JSON → parse_event, a form with `payload` → parse_interaction, any
/// other form → parse_slash_command. For a single Request URL that takes everything.
Inbound parse_request(std::string_view content_type, std::string_view body, InboundSettings const& settings,
                      std::string_view retry_num = {}, std::string_view retry_reason = {});

/// The private_metadata our modal carries: the submit command and where the answer goes.
/// Within Slack's 3000 characters: the response_url and trigger_id are left out when needed.
std::string form_metadata(std::string const& submit_command, std::string const& reply_address);

}  // namespace superbruger::adapters::slack
