// Command words and matching them, with one typo allowed in a short message.
#include "bot/command_words.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/edit_distance.hpp"
#include "knowledge/utf8.hpp"
#include "knowledge/word_list.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace superbruger::bot::commands {

namespace {

using enum Desk;
using enum Match;

// Grouped by desk. "start" words are followed by an argument (a release, an id, a person);
// "alone" words are whole messages; "anywhere" phrases ask about the bot's own records.
constexpr std::array words = {
    // Help (bot/texts.cpp: help_request takes the plain "hjælp", "help", "?")
    CommandWord{"hjælp", help, start},
    CommandWord{"hjaelp", help, start},
    CommandWord{"help", help, start},
    CommandWord{"hvad kan du", help, start},
    CommandWord{"what can you do", help, start},
    // Release reviews (bot/releases/release_desk.cpp)
    CommandWord{"gennemgå", releases, start},
    CommandWord{"gennemgang", releases, start},
    CommandWord{"review", releases, start},
    CommandWord{"status på", releases, anywhere},
    CommandWord{"status for", releases, start},
    CommandWord{"status of", releases, start},
    CommandWord{"status", releases, alone},
    CommandWord{"registrer release", releases, start},
    CommandWord{"register release", releases, start},
    CommandWord{"spring over", releases, alone},
    CommandWord{"skip", releases, alone},
    CommandWord{"hvilke releases", releases, anywhere},
    CommandWord{"which releases", releases, anywhere},
    CommandWord{"what releases", releases, anywhere},
    CommandWord{"vis releases", releases, start},
    CommandWord{"list releases", releases, start},
    CommandWord{"show releases", releases, start},
    CommandWord{"alle releases", releases, start},
    CommandWord{"mine releases", releases, start},
    CommandWord{"vores releases", releases, start},
    // Reminders (release desk)
    CommandWord{"stop påmindelser", reminders, start},
    CommandWord{"start påmindelser", reminders, start},
    CommandWord{"stop reminders", reminders, start},
    CommandWord{"start reminders", reminders, start},
    CommandWord{"påmindelser", reminders, alone},
    CommandWord{"reminders", reminders, alone},
    CommandWord{"stop", reminders, alone},
    CommandWord{"start", reminders, alone},
    // Change requests (bot/change_requests/)
    CommandWord{"nyt ændringsønske", change_requests, start},
    CommandWord{"ny ændringsønske", change_requests, start},
    CommandWord{"opret ændringsønske", change_requests, start},
    CommandWord{"new change request", change_requests, start},
    CommandWord{"fortsæt ændringsønske", change_requests, start},
    CommandWord{"fortsæt", change_requests, start},
    CommandWord{"continue", change_requests, alone},
    CommandWord{"mine ændringsønsker", change_requests, start},
    CommandWord{"vores ændringsønsker", change_requests, start},
    CommandWord{"alle ændringsønsker", change_requests, start},
    CommandWord{"my change requests", change_requests, start},
    CommandWord{"our change requests", change_requests, start},
    CommandWord{"all change requests", change_requests, start},
    CommandWord{"ændringsønske formular", change_requests, start},
    CommandWord{"change request form", change_requests, start},
    CommandWord{"støt", change_requests, start},
    CommandWord{"fjern støtte", change_requests, start},
    CommandWord{"remove support", change_requests, start},
    CommandWord{"ret status", change_requests, start},
    CommandWord{"correct status", change_requests, start},
    CommandWord{"flyt", change_requests, start},
    CommandWord{"move", change_requests, start},
    CommandWord{"tilbage", change_requests, alone},
    CommandWord{"back", change_requests, alone},
    CommandWord{"annuller", change_requests, alone},
    CommandWord{"cancel", change_requests, alone},
    CommandWord{"afbryd", change_requests, alone},
    CommandWord{"send", change_requests, alone},
    CommandWord{"indsend", change_requests, alone},
    CommandWord{"submit", change_requests, alone},
    CommandWord{"ret", change_requests, start},
    CommandWord{"rediger", change_requests, start},
    CommandWord{"edit", change_requests, start},
    CommandWord{"træk tilbage", change_requests, start},
    CommandWord{"withdraw", change_requests, start},
    CommandWord{"fortryd", change_requests, alone},
    CommandWord{"undo", change_requests, alone},
    CommandWord{"slet", change_requests, start},
    CommandWord{"delete", change_requests, start},
    // The role directory (bot/directory/directory_changes.cpp)
    CommandWord{"fjern", directory, start},
    CommandWord{"remove", directory, start},
    // Answers: buttons typed by hand (feedback, read more)
    CommandWord{"feedback", answers, start},
    CommandWord{"spørg en person", answers, start},
    CommandWord{"ask a person", answers, start},
    CommandWord{"læs mere", answers, start},
    CommandWord{"read more", answers, start},
    CommandWord{"ja", answers, alone},
    CommandWord{"nej", answers, alone},
    CommandWord{"yes", answers, alone},
    CommandWord{"no", answers, alone},
};

/// Folded words, joined by single spaces, without the punctuation around them.
std::string normalised(std::string_view folded) {
    std::string out;
    for (auto const& w : knowledge::split_words(folded)) out += (out.empty() ? "" : " ") + w;
    return out;
}

constexpr std::array<std::string_view, 17> question_words = {"hvem", "hvad", "hvor", "hvordan", "hvornår", "hvilke",
                                                              "hvilken", "hvilket", "hvorfor", "who", "what", "where",
                                                              "how", "when", "which", "why", "whom"};

/// Whether the message (normalised) opens with a question word ("hvad", "what", ...).
bool asks_question(std::string const& message) {
    auto const first = message.substr(0, message.find(' '));
    return std::find(question_words.begin(), question_words.end(), first) != question_words.end();
}

constexpr std::size_t min_typo_letters = 5;
constexpr std::size_t max_words_for_typo = 4;  // "gennemgaa dubu 3.4" is four words: "3.4" splits

}  // namespace

std::span<CommandWord const> command_words() { return words; }

bool interrupts_dialog(std::string_view folded) {
    auto const message = normalised(folded);
    if (message.empty()) return false;
    // A question: a question word first and a question mark last. ("Kan vi få …?" may well be
    // a title, so only the question words that rarely open one.)
    auto const parts = knowledge::split_words(message);
    auto const end = folded.find_last_not_of(" \n");
    bool const asks = end != std::string_view::npos && folded[end] == '?';
    if (asks && asks_question(message)) return true;
    static std::array<std::string_view, 14> const commands = {
        "mine ændringsønsker", "vores ændringsønsker", "alle ændringsønsker", "my change requests", "our change requests",
        "all change requests", "stop påmindelser", "start påmindelser", "stop reminders", "start reminders", "hvilke releases",
        "which releases", "spørg en person", "ask a person"};
    for (auto const c : commands) {
        std::string const w(c);
        if (message == w || message.starts_with(w + " ")) return true;
    }
    // "status på DUBU 3.4", "gennemgå 3.4", "status på ÆØ-2026-0001": with a number, as releases and
    // requests have; "status for sager vises forkert" is more likely a title than a command.
    static std::array<std::string_view, 5> const with_number = {"status på", "status of", "status for", "gennemgå", "review"};
    for (auto const c : with_number) {
        std::string const w(c);
        if (message.starts_with(w + " ") && message.find_first_of("0123456789", w.size()) != std::string::npos) return true;
    }
    return false;
}

std::optional<Desk> command_desk(std::string_view folded) {
    auto const understood = understand(folded);
    if (!understood) return std::nullopt;
    return understood->desk;
}

namespace {
std::optional<knowledge::Language> language_of(std::string_view command) {
    static std::array<std::string_view, 33> const english = {
        "help", "what can you do", "review", "status of", "register release", "skip", "which releases", "what releases",
        "list releases", "show releases", "stop reminders", "start reminders", "reminders", "new change request", "continue",
        "my change requests", "our change requests", "all change requests", "change request form", "move", "back", "cancel",
        "submit", "edit", "withdraw", "undo", "delete", "remove", "read more", "yes", "no", "remove support", "correct status"};
    if (std::find(english.begin(), english.end(), command) != english.end()) return knowledge::Language::en;
    static std::array<std::string_view, 4> const shared = {"status", "stop", "start", "send"};
    if (std::find(shared.begin(), shared.end(), command) != shared.end()) return std::nullopt;
    return knowledge::Language::da;
}
}  // namespace

std::optional<Understood> understand(std::string_view folded) {
    auto const message = normalised(folded);
    if (message.empty()) return std::nullopt;
    auto const padded = " " + message + " ";
    for (auto const& c : words) {
        std::string const w(c.words);
        switch (c.match) {
            case alone:
                if (message == w) return Understood{c.desk, {}, language_of(c.words)};
                break;
            case start:
                if (message == w || message.starts_with(w + " ")) return Understood{c.desk, {}, language_of(c.words)};
                break;
            case anywhere: {
                auto const at = padded.find(" " + w + " ");
                if (at == std::string::npos) break;
                // "hvad er status på opgaven om projektorganisation?" asks the knowledge base; a
                // release or a request has a number ("hvad er status på 3.4?").
                if (w == "status på" && asks_question(message)) {
                    auto const after = knowledge::split_words(padded.substr(at + 1 + w.size()));
                    bool const numbered = padded.find_first_of("0123456789", at + w.size()) != std::string::npos;
                    if (after.size() >= 2 && !numbered) break;
                }
                return Understood{c.desk, {}, language_of(c.words)};
            }
        }
    }
    // One typo in the first word of a short message: "gennemgaa DUBU 3.4", "fortsat".
    auto const parts = knowledge::split_words(message);
    if (parts.size() > max_words_for_typo) return std::nullopt;
    auto const first = knowledge::utf8::decode(parts.front());
    if (first.size() < min_typo_letters) return std::nullopt;
    // A real word that opens a longer message is meant as written ("delte roller" is not "delete").
    if (parts.size() > 1 && knowledge::system_danish_words()->contains(parts.front())) return std::nullopt;
    for (auto const& c : words) {
        auto const command_parts = knowledge::split_words(c.words);
        if (c.match == anywhere || command_parts.empty()) continue;
        auto const head = knowledge::utf8::decode(command_parts.front());
        // A four-letter command is one edit from too many words to guess, except when it makes
        // the whole message with one letter too many ("helpp", "undoo").
        bool const extra_letter = parts.size() == 1 && first.size() == head.size() + 1;
        if (head.size() + (extra_letter ? 1 : 0) < min_typo_letters || !knowledge::one_edit_apart(first, head)) continue;
        // The rest of a two-word command must follow as typed ("stop påmindelser").
        bool rest_matches = true;
        for (std::size_t k = 1; k < command_parts.size(); ++k) {
            rest_matches = rest_matches && k < parts.size() && parts[k] == command_parts[k];
        }
        if (!rest_matches) continue;
        if (c.match == alone && parts.size() != command_parts.size()) continue;
        // The message as typed with its first word put right ("gennemgaa dubu 3.4" → "gennemgå dubu 3.4").
        std::string typed(folded);
        typed.erase(0, typed.find_first_not_of(" \n"));
        while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\n')) typed.pop_back();
        auto const first_at = typed.find(parts.front());
        auto const after_first = first_at == std::string::npos ? typed.size() : first_at + parts.front().size();
        return Understood{c.desk, command_parts.front() + typed.substr(after_first), language_of(c.words)};
    }
    return std::nullopt;
}

std::optional<std::string> without_display_verb(std::string_view text) {
    auto const parts = knowledge::split_words(knowledge::fold_case(text));
    if (parts.size() < 2) return std::nullopt;
    static std::array<std::string_view, 6> const verbs = {"vis", "se", "show", "list", "display", "view"};
    if (std::find(verbs.begin(), verbs.end(), parts.front()) == verbs.end()) return std::nullopt;
    // The first word is plain ASCII, so it ends where the first space after it is.
    auto at = text.find_first_not_of(" \n");
    at = text.find(' ', at == std::string_view::npos ? 0 : at);
    if (at == std::string_view::npos) return std::nullopt;
    std::string rest(text.substr(at));
    rest.erase(0, rest.find_first_not_of(" \n"));
    auto const understood = understand(knowledge::fold_case(rest));
    if (!understood || !understood->suggestion.empty()) return std::nullopt;
    return rest;
}

}  // namespace superbruger::bot::commands
