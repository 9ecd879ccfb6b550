// Every sentence the bot says, in Danish and English, in one place.
#pragma once

#include "adapters/chat_message.hpp"
#include "knowledge/language.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::bot::texts {

using knowledge::Language;

std::string dont_know(Language lang);
std::string help(Language lang);
std::string source_line(Language lang, adapters::Citation const& source);
std::string read_more_line(Language lang, std::string const& document_id);
std::string unknown_document(Language lang, std::string const& document_id);
std::string empty_message(Language lang);
std::string internal_error(Language lang, std::string const& incident_id);

/// The words that ask for a whole document: "læs mere <id>" / "more <id>".
bool is_read_more(std::string_view folded_text, std::string& document_id);
/// "hjælp", "help", "?": the language to answer in, or nullopt when the text is not a help request.
std::optional<Language> help_request(std::string_view folded_text);

}  // namespace superbruger::bot::texts
