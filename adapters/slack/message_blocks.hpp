// A ChatReply as Slack messages (Block Kit) and a Form as a modal. Slack's limits, from
// https://docs.slack.dev/reference/block-kit/blocks and the element pages: 50 blocks per message,
// 3000 characters per section text, button text 75 and value 2000, 100 blocks per modal, modal
// title / submit / close 24, input label 2000, plain_text_input 3000, static_select 100
// options of text 75 and value 150. Longer text is split (paragraph, line, space, character)
// or shortened with "…", never cut inside a UTF-8 character or an &amp; entity.
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace superbruger::adapters::slack {

inline constexpr std::size_t max_message_blocks = 50;
inline constexpr std::size_t max_section_text = 3000;
inline constexpr std::size_t max_button_text = 75;
inline constexpr std::size_t buttons_per_row = 5;  ///< Slack allows 25 per actions block; 5 fit a phone's width
inline constexpr std::size_t max_buttons = 25;

/// Words the adapter adds itself (the rest comes in the reply).
struct RenderSettings {
    std::string open_form_label = "Udfyld formularen";
    std::string modal_title = "Superbruger-bot";
    std::string cancel_label = "Annullér";
};

/// The reply as the messages to post in order, each `{"text": fallback, "blocks": [...]}`: the
/// text as mrkdwn sections (split over several messages past 50 blocks); the last message adds
/// the source (footer, else the citations) as a context block, a button that opens the form (when
/// there is one and it fits in a button's value) and the actions as buttons.
std::vector<nlohmann::json> reply_messages(ChatReply const& reply, RenderSettings const& settings = {});

/// chat.postMessage's JSON body (https://docs.slack.dev/reference/methods/chat.postMessage).
nlohmann::json post_message_body(nlohmann::json message, std::string const& channel, std::string const& thread_ts = {});

/// The 200 answer to a slash command, or a body for its response_url: ephemeral (seen only by the
/// person asking) unless `in_channel` (https://docs.slack.dev/interactivity/implementing-slash-commands).
nlohmann::json command_response(nlohmann::json message, bool in_channel = false);

/// The modal for a form: input blocks whose block_id and action_id are the field ids, our
/// callback_id, and `private_metadata` (inbound.hpp form_metadata) as given. `intro` (Markdown
/// light), when given, is shown above the fields: what was wrong with the last submission.
nlohmann::json modal_view(Form const& form, std::string const& private_metadata, RenderSettings const& settings = {},
                          std::string const& intro = {});

/// views.open's body (https://docs.slack.dev/reference/methods/views.open).
nlohmann::json views_open_body(std::string const& trigger_id, nlohmann::json view);

/// conversations.open's body for a 1:1 chat with `user_id` (https://docs.slack.dev/reference/methods/conversations.open).
nlohmann::json conversations_open_body(std::string const& user_id);

/// The 200 answer to a view_submission that keeps the modal open and shows `errors` under the
/// fields (by field id = block_id): {"response_action":"errors","errors":{…}}.
nlohmann::json view_errors_response(std::map<std::string, std::string> const& errors);

/// The 200 answer to a view_submission that replaces the modal with `view` (the same form again,
/// with what to mend on top) instead of closing it
/// (https://docs.slack.dev/surfaces/modals#updating_response).
nlohmann::json view_update_response(nlohmann::json view);

/// The 200 answer that closes the whole modal stack after a good submission.
nlohmann::json view_clear_response();

}  // namespace superbruger::adapters::slack
