// The ids the bot gives its Block Kit elements, so that what Slack sends back when a person
// clicks or submits can be told apart from anything else (other apps' views, old messages).
#pragma once

namespace superbruger::adapters::slack {

/// A reply action button: "sb_action_<n>"; its value becomes the text of a new message.
inline constexpr char const* action_id_prefix = "sb_action_";
/// The button that opens a reply's form as a modal; its value holds the form (form_codec.hpp).
inline constexpr char const* open_form_action_id = "sb_open_form";
/// The modal's callback_id; its private_metadata holds the submit command and the reply address.
inline constexpr char const* form_callback_id = "sb_form";

}  // namespace superbruger::adapters::slack
