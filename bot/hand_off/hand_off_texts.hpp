// What the hand-off desk says, in Danish and English.
#pragma once

#include "knowledge/language.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace superbruger::bot::hand_off::texts {

using knowledge::Language;

/// The button under a declined or unhelpful answer.
std::string offer_label(Language lang);
/// The command the button sends, with the question; typed by hand it works the same.
std::string offer_command(Language lang, std::string const& question);

std::string no_question(Language lang);
std::string nobody_to_ask(Language lang, std::string const& municipality);
/// To the asker: who got the question.
std::string sent(Language lang, std::vector<std::string> const& names, bool to_coordinators);
/// To each recipient, in Danish (the network's language): the question and how to answer it.
std::string question_for_expert(std::int64_t id, std::string const& asker, std::string const& municipality, std::string const& question);
/// To the asker: the answer.
std::string answer_for_asker(std::string const& question, std::string const& expert, std::string const& answer);
std::string unknown_hand_off(Language lang, std::int64_t id);
std::string answer_not_allowed(Language lang, std::int64_t id);
std::string empty_answer(Language lang, std::int64_t id);
std::string answer_sent(Language lang, std::string const& asker, bool first);
std::string answer_too_long(Language lang, std::size_t chars, std::size_t limit);

/// The button under a coordinator's answer, and the command it sends (typed, it works the same).
std::string add_to_knowledge_label(Language lang);
std::string add_to_knowledge_command(Language lang, std::int64_t id);
std::string no_local_folder(Language lang);
std::string add_not_allowed(Language lang);
std::string not_answered_yet(Language lang, std::int64_t id);
std::string cannot_add(Language lang, std::string const& why);
std::string not_written(Language lang);
std::string did_not_load(Language lang);
std::string added_to_knowledge(Language lang, std::int64_t id, std::string const& title, std::string const& file);

}  // namespace superbruger::bot::hand_off::texts
