// Help and discovery: what the bot can do, with the exact words to type, as one overview
// ("hjælp", "help", "hvad kan du?", "what can you do?") and one card per feature ("hjælp
// ændringsønsker", "help review"). The cards tell how to use the bot, not what the knowledge
// base says; every example between »…« or "…" works when typed (tests/bot/help_test.cpp types them).
#pragma once

#include "knowledge/language.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::help {

enum class Topic { questions, directory, change_requests, releases, reminders };

struct Request {
    knowledge::Language lang = knowledge::Language::da;
    std::optional<Topic> topic;  ///< nullopt: the overview
};

/// A help request in a folded message: "hjælp", "help", "?", "hvad kan du?", "what can you do?",
/// "hjælp <emne>", "help <topic>"; nullopt for anything else.
std::optional<Request> help_request(std::string_view folded);

/// Everything the bot does, with the words to use for each feature.
std::string overview(knowledge::Language lang);
/// How to use one feature in the bot.
std::string card(knowledge::Language lang, Topic topic);
/// Every topic, for tests and for the overview's closing line.
std::vector<Topic> const& topics();

}  // namespace superbruger::bot::help
