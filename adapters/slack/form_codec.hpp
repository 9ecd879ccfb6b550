// A Form packed into a button's value, so the button that opens the modal carries everything the
// modal needs: Slack gives a trigger_id (needed by views.open) only with an interaction, never
// with an Events API message, so a form answered to a message is opened by a click on it.
#pragma once

#include "adapters/chat_message.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

/// A button value holds at most 2000 characters (https://docs.slack.dev/reference/block-kit/block-elements/button-element).
inline constexpr std::size_t max_button_value = 2000;

/// The form as compact JSON within `limit`; pre-filled values are dropped (longest first) when
/// needed to fit. Empty when even the bare form does not fit: the caller then shows no button,
/// and the conversation still asks field by field.
std::string encode_form(Form const& form, std::size_t limit = max_button_value);

/// What encode_form wrote, or nothing for any other text. Never throws.
std::optional<Form> decode_form(std::string_view text);

}  // namespace superbruger::adapters::slack
