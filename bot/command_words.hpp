// The bot's own command words, in one list: a message that names one of them, or nearly, is a
// command (or a command gone wrong), never a knowledge question. The Assistant asks this list
// after the desks had their turn; a fuller router and help cards can grow from the same list.
#pragma once

#include "knowledge/language.hpp"

#include <optional>
#include <string>
#include <span>
#include <string_view>

namespace superbruger::bot::commands {

/// The part of the bot a command belongs to, and so the help that fits when it went wrong.
enum class Desk { help, releases, reminders, change_requests, directory, answers };

enum class Match {
    start,     ///< the message starts with the words ("gennemgå …", "status på …")
    alone,     ///< the message is the words and nothing else ("ret", "fortryd")
    anywhere,  ///< the words occur anywhere ("hvad er status på …", "hvilke releases …")
};

struct CommandWord {
    std::string_view words;  ///< folded (fold_case), single spaces
    Desk desk;
    Match match;
};

/// Every command word, the real commands of the desks and the near-commands people type when they
/// expect the bot to act ("ret", "træk tilbage", "fortryd"). Tests walk this list.
std::span<CommandWord const> command_words();

/// Whether an open dialog (a change request being filed, a release review) should let the message
/// through to the rest of the bot instead of taking it as the next answer: a question ("hvem er
/// vores systemansvarlige?") or a command of the bot's own ("mine ændringsønsker", "status på
/// DUBU 3.4"). The dialog keeps its place.
bool interrupts_dialog(std::string_view folded);

/// A command the message names, exactly or nearly.
struct Understood {
    Desk desk;
    /// The message as the command is written when it had a typo ("gennemgaa dubu 3.4" →
    /// "gennemgå dubu 3.4"); empty when the command words were typed right.
    std::string suggestion;
    /// The language of the command word when it belongs to one ("review", "withdraw": English);
    /// short messages are too short to tell it from the text.
    std::optional<knowledge::Language> lang;
};

/// The command the message (folded) names: exactly, or with one typo in a command word of five
/// letters or more when the message is short ("gennemgaa", "fortsat").
std::optional<Understood> understand(std::string_view folded);
/// The desk of `understand`.
std::optional<Desk> command_desk(std::string_view folded);

/// "vis mine ændringsønsker", "show my change requests", "list releases": a display verb before
/// a command is the command. The message as typed without that verb, when the rest is a
/// command word (exactly, as `understand` reads it); otherwise nothing.
std::optional<std::string> without_display_verb(std::string_view text);

}  // namespace superbruger::bot::commands

namespace superbruger::bot::texts {
/// The reply to a command word that no desk could carry out ("status på 3.5", "fortryd",
/// "gennemgaa"): "mente du …?" with the suggestion when there is one, and the desk's real commands.
/// In texts.cpp.
std::string command_help(knowledge::Language lang, commands::Desk desk, std::string const& suggestion = {});
}  // namespace superbruger::bot::texts
