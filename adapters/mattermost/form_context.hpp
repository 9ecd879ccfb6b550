// A Form carried in a button's `context`, so the button that opens the dialog holds everything the
// dialog needs: Mattermost gives a trigger_id (needed by actions/dialogs/open) with a slash command
// or a click, never with an outgoing webhook's post, so a form answered to a post is opened by a
// click on it. A context is stored with the post and never shown to users.
#pragma once

#include "adapters/chat_message.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace superbruger::adapters::mattermost {

/// The form as a JSON object (ids, labels, kinds, limits, choices, pre-filled values).
nlohmann::json form_to_json(Form const& form);

/// What form_to_json wrote, or nothing for anything else (a form without fields or a submit
/// command included). Never throws.
std::optional<Form> form_from_json(nlohmann::json const& j);

}  // namespace superbruger::adapters::mattermost
