// A ChatReply as what Mattermost takes: the inline answer to an outgoing webhook or a slash
// command, a REST post, a Form as an interactive dialog, and what a REST call came to.
// - Webhook answers: {text, response_type:"comment"} threads the answer under the question
//   (https://developers.mattermost.com/integrate/webhooks/outgoing/);
// - command answers: {text, response_type:"ephemeral"|"in_channel"}
//   (https://developers.mattermost.com/integrate/slash-commands/custom/);
// - buttons: props.attachments[].actions[] with integration {url, context}
//   (https://developers.mattermost.com/integrate/plugins/interactive-messages/);
// - dialogs: POST /api/v4/actions/dialogs/open {trigger_id, url, dialog}
//   (https://developers.mattermost.com/integrate/plugins/interactive-dialogs/);
// - REST: POST /api/v4/channels/direct [bot, user], POST /api/v4/posts {channel_id, message, props}
//   (https://api.mattermost.com/#tag/posts/operation/CreatePost).
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::adapters::mattermost {

/// Post.IsValid refuses a message of more runes (PostMessageMaxRunesV2, server 5.0+).
inline constexpr std::size_t max_message_runes = 16383;
/// Dialog limits, in bytes (server/public/model/integration_action.go: DialogTitleMaxLength,
/// DialogElementDisplayNameMaxLength, …; the docs say "characters", the server counts len()).
inline constexpr std::size_t max_dialog_title = 24;
inline constexpr std::size_t max_element_display_name = 24;
inline constexpr std::size_t max_element_name = 300;
inline constexpr std::size_t max_text_default = 150;      ///< DialogElementTextMaxLength; also a text's default max_length
inline constexpr std::size_t max_textarea_default = 3000; ///< DialogElementTextareaMaxLength
inline constexpr std::size_t max_select_default = 3000;   ///< DialogElementSelectMaxLength

/// What the adapter adds itself, and where clicks and submissions go.
struct RenderSettings {
    std::string action_url;     ///< integration.url of every button: the bot's action endpoint
    std::string action_secret;  ///< put in every button's context and dialog's state (inbound.hpp)
    std::string dialog_url;     ///< where dialog submissions are POSTed
    std::string open_form_label = "Udfyld formularen";
    std::string dialog_title = "Superbruger-bot";
};

/// The message: the reply's text (Markdown-light is Mattermost Markdown already), then the source
/// (footer, else the citations) as its own paragraph, within max_message_runes.
std::string message_text(ChatReply const& reply);

/// The post's props: {"attachments":[{"actions":[…]}]} with a button per action (its context
/// carries the action's value as the command) and, when there is a form, a button that opens it.
/// An empty object when there are no buttons.
nlohmann::json message_props(ChatReply const& reply, RenderSettings const& settings);

/// The 200 answer to an outgoing webhook: a comment in the question's thread.
nlohmann::json webhook_response(ChatReply const& reply, RenderSettings const& settings);

/// The 200 answer to a slash command (or a body for its response_url): ephemeral, seen only by the
/// person asking, unless `in_channel`.
nlohmann::json command_response(ChatReply const& reply, RenderSettings const& settings, bool in_channel = false);

/// POST /api/v4/posts: {channel_id, message, props[, root_id]}.
nlohmann::json post_body(std::string const& channel_id, ChatReply const& reply, RenderSettings const& settings,
                         std::string const& root_id = {});

/// The body for an incoming webhook (POST <server>/hooks/<key>,
/// https://developers.mattermost.com/integrate/webhooks/incoming/): {text[, attachments]}, into
/// the channel the webhook was made for; its buttons work like a post's.
nlohmann::json incoming_webhook_body(ChatReply const& reply, RenderSettings const& settings);

/// POST /api/v4/channels/direct: the two user ids, the bot's first; the answer's `id` is the channel.
nlohmann::json direct_channel_body(std::string const& bot_user_id, std::string const& user_id);

/// The dialog for a form: one element per field (name = field id; line → text, text → textarea,
/// choice → select), our callback_id and `state` (inbound.hpp dialog_state) as given. Texts are cut
/// to the server's byte limits on character boundaries; a default that is not one of a select's
/// options is left out (the server refuses the dialog otherwise). `intro` (Markdown), when given,
/// is shown above the fields.
nlohmann::json dialog(Form const& form, std::string const& state, RenderSettings const& settings, std::string const& intro = {});

/// POST /api/v4/actions/dialogs/open: {trigger_id, url, dialog}.
nlohmann::json dialog_open_body(std::string const& trigger_id, nlohmann::json dialog, RenderSettings const& settings);

/// What a REST call came to.
struct ApiOutcome {
    enum class Kind {
        sent,     ///< 2xx; `id` is the new post's or the direct channel's id when the answer has one
        retry,    ///< try again after `retry_after` (zero: the caller's own backoff)
        refused,  ///< will never succeed as asked (400/401/403/404 …): park it
    };
    Kind kind = Kind::retry;
    std::chrono::seconds retry_after{0};
    std::string error;  ///< Mattermost's error id and message, or the HTTP status
    std::string id;
};

/// `retry_after` and `ratelimit_reset` are the Retry-After and X-Ratelimit-Reset headers (may be
/// empty). Mattermost's limiter sends both on a 429, in seconds to wait; a reset that looks like
/// a Unix time (the API docs call it "UNIX epoch seconds") is read against `now`.
ApiOutcome classify_response(unsigned status, std::string_view retry_after, std::string_view ratelimit_reset, std::string_view body,
                             std::chrono::system_clock::time_point now = {});

}  // namespace superbruger::adapters::mattermost
