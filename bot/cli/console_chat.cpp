// ConsoleChat: personas and the messages queued for them.
#include "bot/cli/console_chat.hpp"

#include "bot/assistant.hpp"
#include "bot/cli/plain_text.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/outbox.hpp"

#include <nlohmann/json.hpp>

namespace superbruger::bot::cli {

ConsoleChat::ConsoleChat(Assistant& assistant, storage::Database& db, std::string local_user)
    : assistant_(assistant), db_(db), local_user_(std::move(local_user)) {
    act_as("");
}

void ConsoleChat::act_as(std::string const& email) {
    auto const who = knowledge::fold_case(trim_space(email));
    sender_ = {};
    // The persona's own identity: what the bot files, resumes and notifies is theirs alone.
    sender_.user_id = who.empty() ? local_user_ : "console:" + who;
    sender_.display_name = who.empty() ? local_user_ : who;
    sender_.email = who;
}

std::string ConsoleChat::queued_for_me() {
    storage::Outbox outbox(db_);
    std::string out;
    for (auto const& m : outbox.with_status("pending")) {
        if (m.platform != "console" || m.recipient != sender_.user_id) continue;
        auto const now = utc_timestamp();
        if (!outbox.claim(m.id, now)) continue;  // being sent by someone else right now
        auto const reply = reply_from_json(nlohmann::json::parse(m.message, nullptr, false));
        out += "[Besked til dig] " + render_plain(reply) + "\n\n";
        outbox.mark_sent(m.id, now);
    }
    return out;
}

std::string ConsoleChat::say(std::string const& line) {
    auto const trimmed = trim_space(line);
    for (std::string_view command : {"/som ", "/as "}) {
        if (trimmed.starts_with(command)) {
            act_as(trimmed.substr(command.size()));
            auto const who = sender_.email.empty() ? local_user_ : sender_.email;
            return queued_for_me() + "(Du skriver nu som " + who + ".)";
        }
    }
    adapters::ChatMessage message{"console", "", sender_, line, "", {}};
    auto const queued = queued_for_me();
    return queued + render_plain(assistant_.handle(message));
}

}  // namespace superbruger::bot::cli
