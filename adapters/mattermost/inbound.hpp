// What Mattermost sends the bot, read into a platform-neutral result. Four kinds of request, each
// checked before or while it is read:
// - outgoing webhooks, form-urlencoded or JSON as the webhook is configured
//   (https://developers.mattermost.com/integrate/webhooks/outgoing/); token: request_token.hpp;
// - slash commands, form-urlencoded (https://developers.mattermost.com/integrate/slash-commands/custom/);
//   token: request_token.hpp;
// - interactive message button clicks, JSON (https://developers.mattermost.com/integrate/plugins/interactive-messages/).
//   Mattermost signs nothing here and sends no token, so the button's `context` carries a secret
//   the bot put there (action_context) and the click is refused without it;
// - interactive dialog submissions, JSON (https://developers.mattermost.com/integrate/plugins/interactive-dialogs/),
//   whose `state` carries the same secret (dialog_state).
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace superbruger::adapters::mattermost {

struct InboundSettings {
    /// The bot's own user id: its own posts are ignored, should a webhook see them.
    std::string bot_user_id;
    /// The bot's username without "@": a leading "@name" is stripped from the question.
    std::string bot_username;
    /// The secret button contexts and dialog states must carry. Empty: every click and
    /// submission is refused, as nobody could tell ours from a forged one.
    std::string action_secret;
};

struct Inbound {
    enum class Kind {
        message,    ///< `message` is for the Assistant
        open_form,  ///< a click on the form button: open `form` as a dialog (reply.hpp dialog_open_body)
        ignored,  ///< acknowledge with 200 and do nothing; `reason` says why (for the log)
    };
    enum class Source { outgoing_webhook, slash_command, action, dialog_submission };

    Kind kind = Kind::ignored;
    Source source = Source::outgoing_webhook;
    ChatMessage message;           ///< also filled for open_form (sender, reply address with the trigger_id)
    std::optional<Form> form;      ///< open_form
    std::string reason;
    /// The body's `token` field (webhooks and commands), for request_token.hpp's checks.
    std::string token;
    /// When the post was made (outgoing webhooks), since the epoch; zero when not sent.
    std::chrono::milliseconds timestamp{0};
    std::string trigger_word;  ///< outgoing webhooks: the word that fired the hook
    std::string command;       ///< slash commands: "/superbruger"
};

/// An outgoing webhook. The form encoding sends `timestamp` in seconds, JSON in milliseconds
/// (Mattermost's OutgoingWebhookPayload.ToFormValues divides CreateAt by 1000); both come out as
/// milliseconds. Throws AdapterError{bad_request} without user_id, channel_id or a readable body.
Inbound parse_outgoing_webhook(std::string_view content_type, std::string_view body, InboundSettings const& settings = {});

/// A slash command (form, or JSON for symmetry with webhooks). Throws AdapterError{bad_request}
/// without user_id, channel_id or command.
Inbound parse_slash_command(std::string_view content_type, std::string_view body, InboundSettings const& settings = {});

/// A button click. Throws AdapterError{bad_request} when the body is no JSON object with user_id
/// and a `context` object, AdapterError{unauthenticated} when the context lacks our secret.
Inbound parse_action(std::string_view body, InboundSettings const& settings);

/// A dialog submission. A cancellation or another integration's dialog is ignored. Throws
/// AdapterError{bad_request} without user_id or a `state` of ours, and
/// AdapterError{unauthenticated} when the state's secret is wrong.
Inbound parse_dialog_submission(std::string_view body, InboundSettings const& settings);

/// For one URL that takes everything: a form with `command` is a slash command, any other form
/// an outgoing webhook; JSON with type "dialog_submission" a submission, with a `context` object
/// a click, with `command` a slash command, anything else an outgoing webhook.
Inbound parse_request(std::string_view content_type, std::string_view body, InboundSettings const& settings);

/// A button's `integration.context`: the command the click runs and the secret. Users never see
/// a context (the docs' advice for telling the bot's own buttons from forged clicks).
nlohmann::json action_context(std::string const& command, std::string const& secret);

/// The context of the button that opens `form` as a dialog: the form (form_context.hpp) and the secret.
nlohmann::json open_form_context(Form const& form, std::string const& secret);

/// The dialog's `state`: the submit command, where the answer goes and the secret.
std::string dialog_state(std::string const& submit_command, std::string const& reply_address, std::string const& secret);

/// The dialog's callback_id, so submissions of other dialogs can be told apart.
inline constexpr char const* dialog_callback_id = "sb_form";

}  // namespace superbruger::adapters::mattermost
