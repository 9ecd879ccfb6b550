// Every sentence the bot says, in Danish and English, in one place.
#pragma once

#include "adapters/chat_message.hpp"
#include "knowledge/language.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::texts {

using knowledge::Language;

std::string dont_know(Language lang);
/// The same, naming whom to ask: the asker's municipality's systemansvarlige.
std::string dont_know(Language lang, std::string const& municipality, std::vector<std::string> const& systemansvarlige);
/// "Jeg kender ingen kommune ved navn »Roskild«. Mente du Roskilde?"
std::string did_you_mean_municipality(Language lang, std::string const& typed, std::string const& name);
std::string did_you_mean_person(Language lang, std::string const& typed, std::string const& name);
/// The button under a "mente du": "Ja, Roskilde".
std::string yes_name(Language lang, std::string const& name);
/// The overview of everything the bot does (bot/help_cards.hpp).
std::string help(Language lang);
std::string source_line(Language lang, adapters::Citation const& source);
/// The "Læs mere" button under an answer; its value asks for the whole document.
adapters::ReplyAction read_more_action(Language lang, std::string const& document_id);
/// What the bot says when it is added to a Teams chat or team.
std::string welcome(Language lang);
/// The answer to a message whose values the database refused (nothing of it was kept).
std::string not_stored(Language lang);
std::string unknown_document(Language lang, std::string const& document_id);
std::string empty_message(Language lang);
/// "fortsæt" when no dialog is in progress.
std::string nothing_to_continue(Language lang);
/// A message holding a NUL character, which cannot be stored.
std::string nul_in_message(Language lang);
std::string internal_error(Language lang, std::string const& incident_id);

/// The helpful / not helpful buttons under an answer. Their values are messages the bot
/// understands ("feedback 42 ja"), so a platform without buttons can show them as text.
std::vector<adapters::ReplyAction> feedback_actions(Language lang, std::int64_t answer_id);

struct FeedbackCommand {
    std::int64_t answer_id = 0;
    bool helpful = false;
};
/// "feedback 42 ja|nej|yes|no": the vote, or nullopt when the text is something else.
std::optional<FeedbackCommand> parse_feedback(std::string_view folded_text);

enum class FeedbackResult { thanks_helpful, thanks_not_helpful, changed, unchanged, unknown_answer };
std::string feedback_reply(Language lang, FeedbackResult result, std::int64_t answer_id);

// The role directory.
std::string ask_municipality(Language lang);
std::string unknown_municipality_reply(Language lang);
std::string remembered_municipality(Language lang, std::string const& municipality);
std::string holders_heading(Language lang, std::string const& role_title, std::string const& municipality);
std::string since(Language lang, std::string const& date);
std::string klik_name_of_systemejer(Language lang);
std::string no_holder(Language lang, std::string const& role_title, std::string const& municipality);
std::string municipality_not_in_directory(Language lang, std::string const& role_title, std::string const& municipality);
std::string how_to_register(Language lang);
std::string replaced_in_phase_4(Language lang, std::string const& municipality);
std::string contacts_hidden(Language lang);
std::string person_roles_heading(Language lang, std::string const& person);
std::string person_has_no_roles(Language lang, std::string const& person);
std::string role_in(Language lang, std::string const& role_title, std::string const& municipality);
std::string missing_roles_heading(Language lang, std::string const& municipality, int phase);
std::string no_missing_roles(Language lang, std::string const& municipality, int phase);
std::string directory_source(Language lang);
std::string change_not_allowed(Language lang, std::string const& municipality, std::string const& systemansvarlig);
std::string change_needs_known_asker(Language lang);
std::string change_unknown_person(Language lang);
std::string change_unknown_role(Language lang);
std::string change_which_municipality(Language lang);
std::string change_done(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality);
std::string change_already(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality);
std::string change_removed(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality);
std::string change_not_holding(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality);
std::string confirm_replacement(Language lang, std::string const& municipality, std::string const& current, std::string const& next);
std::string replacement_cancelled(Language lang);
std::vector<adapters::ReplyAction> yes_no_actions(Language lang);

/// The words that ask for a whole document: "læs mere <id>" / "more <id>".
bool is_read_more(std::string_view folded_text, std::string& document_id);

}  // namespace superbruger::bot::texts
