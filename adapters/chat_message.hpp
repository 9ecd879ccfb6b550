// ChatMessage, ChatReply and friends: the vocabulary every platform adapter translates to and from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::adapters {

/// Who wrote a message, as the platform says. Identities are opaque outside their adapter.
struct Sender {
    std::string user_id;       ///< platform user id (Teams "29:…", Slack "U…", console: OS user)
    std::string display_name;
    std::string tenant_id;     ///< Teams tenant / Slack team / Mattermost team, when known
    std::string email;         ///< when the platform tells, or `ask --as`
    std::string aad_object_id; ///< Teams: the Entra (Azure AD) object id, stable across chats

    /// The id that names the person in the role directory and the outbox: the Entra object id on
    /// Teams (the directory's teams_objektid), the platform's user id elsewhere.
    std::string const& person_id() const noexcept { return aad_object_id.empty() ? user_id : aad_object_id; }
};

/// One message to the bot, normalised: mentions stripped, markup reduced to text.
struct ChatMessage {
    std::string platform;      ///< "console", "teams", "slack", …
    std::string message_id;    ///< the platform's id, for de-duplicating retries; may be empty
    Sender sender;
    std::string text;
    std::string reply_address; ///< opaque; written and read back only by the adapter that made it
    std::map<std::string, std::string> form_values;  ///< a submitted form's fields, by field id
};

/// Where an answer's facts come from.
struct Citation {
    std::string document_id;
    std::string title;
    std::string section;
    std::string origin;
};

/// A button or quick reply. `value` is sent back to the bot as the text of a new message.
struct ReplyAction {
    std::string label;
    std::string value;
};

/// One input of a form the bot offers where a platform can show forms (Teams cards). Platforms
/// without forms ignore it; the conversation then asks field by field instead.
struct FormField {
    enum class Kind { line, text, choice };
    std::string id;
    std::string label;
    Kind kind = Kind::line;
    std::size_t max_chars = 0;
    std::vector<std::pair<std::string, std::string>> choices;  ///< (value, title) for Kind::choice
    std::string value;                                         ///< pre-filled
};

struct Form {
    std::vector<FormField> fields;
    std::string submit_label;
    std::string submit_command;  ///< sent back as the message text, with the fields' values
};

/// What the bot says. `text` is Markdown-light (paragraphs, "- " bullets, **bold**); adapters
/// render it, and the citations, actions and footer, as cards or as plain text.
struct ChatReply {
    std::string text;
    std::vector<Citation> citations;
    std::string footer;                 ///< e.g. "Læs mere: …"; kept apart so cards can style it
    std::vector<ReplyAction> actions;
    bool confident = true;              ///< false when the bot says it does not know
    std::optional<Form> form;
};

}  // namespace superbruger::adapters
