// The bot's own words. Domain terms stay Danish in English texts, as the network uses them.
#include "bot/texts.hpp"

namespace superbruger::bot::texts {

namespace {
bool da(Language lang) { return lang == Language::da; }
}  // namespace

std::string dont_know(Language lang) {
    return da(lang)
        ? "Det ved jeg desværre ikke: jeg kan ikke finde svaret i min vidensbase. Spørg jeres "
          "systemansvarlige eller superbrugernetværket på Teams. Jeg har noteret spørgsmålet, så "
          "vidensbasen kan blive udbygget."
        : "I don't know: I cannot find the answer in my knowledge base. Ask your municipality's "
          "systemansvarlig or the superbruger network on Teams. I have noted the question so the "
          "knowledge base can be extended.";
}

std::string help(Language lang) {
    return da(lang)
        ? "Jeg er superbrugernes bot for DUBU. Spørg mig om roller og procedurer, fx:\n"
          "- hvad laver en superbruger?\n"
          "- hvem må kontakte Netcompanys servicedesk?\n"
          "- hvordan registreres roller i KLIK?\n"
          "Skriv »læs mere <emne>« for hele teksten bag et svar."
        : "I am the DUBU superbrugere's bot. Ask me about roles and procedures, for example:\n"
          "- what does a superbruger do?\n"
          "- who may contact Netcompany's servicedesk?\n"
          "- how are roles registered in KLIK?\n"
          "Write \"more <topic>\" for the whole text behind an answer.";
}

std::string source_line(Language lang, adapters::Citation const& source) {
    std::string line = da(lang) ? "Kilde: " : "Source: ";
    line += source.title;
    if (!source.section.empty()) line += " › " + source.section;
    if (!source.origin.empty()) line += " (" + source.origin + ")";
    return line;
}

std::string read_more_line(Language lang, std::string const& document_id) {
    return da(lang) ? "Læs mere: skriv »læs mere " + document_id + "«"
                    : "More: write \"more " + document_id + "\"";
}

std::string unknown_document(Language lang, std::string const& document_id) {
    return da(lang) ? "Jeg har ingen tekst med navnet »" + document_id + "«. Skriv »hjælp« for at se, hvad jeg kan."
                    : "I have no text called \"" + document_id + "\". Write \"help\" to see what I can do.";
}

std::string empty_message(Language lang) {
    return da(lang) ? "Skriv et spørgsmål, fx »hvad laver en superbruger?«, eller »hjælp«."
                    : "Write a question, for example \"what does a superbruger do?\", or \"help\".";
}

std::string internal_error(Language lang, std::string const& incident_id) {
    return da(lang) ? "Beklager, noget gik galt hos mig. Prøv igen om lidt. (Hændelse " + incident_id + ")"
                    : "Sorry, something went wrong on my side. Please try again shortly. (Incident " + incident_id + ")";
}

std::vector<adapters::ReplyAction> feedback_actions(Language lang, std::int64_t answer_id) {
    auto const id = std::to_string(answer_id);
    return {{da(lang) ? "Nyttigt" : "Helpful", "feedback " + id + " ja"},
            {da(lang) ? "Ikke nyttigt" : "Not helpful", "feedback " + id + " nej"}};
}

std::optional<FeedbackCommand> parse_feedback(std::string_view folded) {
    constexpr std::string_view prefix = "feedback ";
    if (!folded.starts_with(prefix)) return std::nullopt;
    auto rest = folded.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 18 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0 || digits >= rest.size() || rest[digits] != ' ') return std::nullopt;
    FeedbackCommand command{std::stoll(std::string(rest.substr(0, digits))), false};
    auto verdict = rest.substr(digits + 1);
    while (!verdict.empty() && (verdict.back() == ' ' || verdict.back() == '.')) verdict.remove_suffix(1);
    if (verdict == "ja" || verdict == "yes") command.helpful = true;
    else if (verdict != "nej" && verdict != "no") return std::nullopt;
    return command;
}

std::string feedback_reply(Language lang, FeedbackResult result, std::int64_t answer_id) {
    switch (result) {
        case FeedbackResult::thanks_helpful:
            return da(lang) ? "Tak for din feedback." : "Thank you for your feedback.";
        case FeedbackResult::thanks_not_helpful:
            return da(lang) ? "Tak. Jeg har noteret, at svaret ikke hjalp, så vidensbasen kan blive bedre. Spørg gerne "
                              "jeres systemansvarlige eller superbrugernetværket på Teams imens."
                            : "Thank you. I have noted that the answer did not help, so the knowledge base can be "
                              "improved. Meanwhile, ask your systemansvarlig or the superbruger network on Teams.";
        case FeedbackResult::changed:
            return da(lang) ? "Tak, jeg har ændret din vurdering af svaret." : "Thank you, I have changed your rating of the answer.";
        case FeedbackResult::unchanged:
            return da(lang) ? "Din vurdering af svaret var allerede noteret." : "Your rating of the answer was already noted.";
        case FeedbackResult::unknown_answer:
            break;
    }
    auto const id = std::to_string(answer_id);
    return da(lang) ? "Jeg kan ikke finde svar nr. " + id + ", så jeg har ikke noteret din vurdering."
                    : "I cannot find answer number " + id + ", so your rating was not noted.";
}

bool is_read_more(std::string_view folded, std::string& document_id) {
    for (std::string_view prefix : {"læs mere ", "more ", "read more "}) {
        if (folded.starts_with(prefix)) {
            auto rest = folded.substr(prefix.size());
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.')) rest.remove_suffix(1);
            if (rest.empty()) return false;
            document_id = std::string(rest);
            return true;
        }
    }
    return false;
}

std::optional<Language> help_request(std::string_view folded) {
    while (!folded.empty() && (folded.back() == ' ' || folded.back() == '!' || folded.back() == '.')) folded.remove_suffix(1);
    while (!folded.empty() && (folded.front() == ' ' || folded.front() == '/')) folded.remove_prefix(1);
    if (folded == "hjælp" || folded == "?") return Language::da;
    if (folded == "help") return Language::en;
    return std::nullopt;
}

}  // namespace superbruger::bot::texts
