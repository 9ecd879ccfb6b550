// Assistant: commands first, then a cited knowledge answer or an honest "ved ikke".
#include "bot/assistant.hpp"
#include "bot/feature_counters.hpp"

#include "bot/change_requests/change_request_desk.hpp"
#include "bot/command_words.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/hand_off/hand_off_desk.hpp"
#include "bot/help_cards.hpp"
#include "bot/releases/release_desk.hpp"
#include "bot/inbound_text.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/log.hpp"
#include "bot/pseudonym.hpp"
#include "bot/texts.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "knowledge/language.hpp"
#include "storage/answer_log.hpp"
#include "storage/question_log.hpp"

namespace superbruger::bot {

namespace {

using adapters::ChatReply;
using knowledge::Language;

constexpr std::size_t max_question_bytes = 4000;
constexpr std::size_t max_document_chars = 3500;

adapters::Citation citation_of(knowledge::SourceRef const& s) {
    return {s.document_id, s.document_title, s.section, s.origin};
}

ChatReply whole_document(knowledge::KnowledgeIndex const& index, std::string const& id, Language lang) {
    for (auto const& doc : index.documents()) {
        if (doc.id != id) continue;
        ChatReply reply;
        reply.text = "**" + doc.title + "**";
        for (auto const& section : doc.sections) {
            auto part = "\n\n" + (section.heading.empty() ? "" : "**" + section.heading + "**\n") + section.text;
            if (reply.text.size() + part.size() > max_document_chars) {
                reply.text += "\n\n…";
                break;
            }
            reply.text += part;
        }
        reply.citations.push_back({doc.id, doc.title, "", doc.source});
        reply.footer = texts::source_line(lang, reply.citations.back());
        return reply;
    }
    ChatReply reply;
    reply.text = texts::unknown_document(lang, id);
    return reply;
}

ChatReply not_an_answer(ChatReply reply) {
    reply.confident = false;
    return reply;
}

texts::FeedbackResult feedback_result(storage::VoteOutcome outcome, bool helpful) {
    switch (outcome) {
        case storage::VoteOutcome::recorded:
            return helpful ? texts::FeedbackResult::thanks_helpful : texts::FeedbackResult::thanks_not_helpful;
        case storage::VoteOutcome::changed: return texts::FeedbackResult::changed;
        case storage::VoteOutcome::unchanged: return texts::FeedbackResult::unchanged;
        case storage::VoteOutcome::unknown_answer: break;
    }
    return texts::FeedbackResult::unknown_answer;
}

}  // namespace

ChatReply Assistant::handle(adapters::ChatMessage const& raw) {
    // Every platform's text passes here first: valid UTF-8, no control characters, no NUL.
    adapters::ChatMessage message = raw;
    if (!clean_inbound_message(message)) {
        ChatReply refused;
        refused.text = texts::nul_in_message(knowledge::detect_language(message.text));
        return refused;
    }
    if (auto command = commands::without_display_verb(message.text)) message.text = std::move(*command);
    auto const lang = knowledge::detect_language(message.text);
    auto const folded = knowledge::fold_case(message.text);
    ChatReply reply;

    // An open dialog takes its answers (even an empty one) before anything else, except help,
    // the buttons of earlier answers ("feedback 12 ja", "læs mere x"), and questions and commands
    // meant for something else (commands::interrupts_dialog).
    std::string read_more_id;
    bool const read_more = texts::is_read_more(folded, read_more_id);
    auto const vote = texts::parse_feedback(folded);
    bool const button = read_more || vote.has_value();
    // What the desks reply to their commands and dialogs is not an answer from knowledge: it is
    // never marked confident (the evaluation counts only confident knowledge answers).
    // Help is asked for in the middle of anything and never taken as a dialog's answer.
    if (auto const help_asked = button ? std::nullopt : help::help_request(folded)) {
        reply.text = help_asked->topic ? help::card(help_asked->lang, *help_asked->topic) : help::overview(help_asked->lang);
        reply.confident = false;
        return reply;
    }
    // A question or a command in the middle of a dialog is answered as such, and the dialog waits
    // where it was: the reply ends by saying so.
    bool const interrupts = !button && commands::interrupts_dialog(folded);
    std::optional<std::string> paused;
    if (interrupts && desk_ != nullptr) paused = desk_->dialog_note(message);
    if (interrupts && releases_ != nullptr && !paused) paused = releases_->dialog_note(message);
    auto reply_and_note = route(message, folded, lang, !interrupts);
    if (paused) reply_and_note.text += "\n\n" + *paused;
    return reply_and_note;
}

ChatReply Assistant::route(adapters::ChatMessage const& message, std::string const& folded, knowledge::Language lang, bool dialogs_may_answer) {
    auto const index = knowledge_.index();
    ChatReply reply;
    std::string read_more_id;
    bool const read_more = texts::is_read_more(folded, read_more_id);
    auto const vote = texts::parse_feedback(folded);
    bool const button = read_more || vote.has_value();
    // Before the dialogs: "spørg en person: …" and "svar 12: …" are never a dialog's answer.
    if (hand_off_ != nullptr && !button) {
        if (auto answer = hand_off_->answer(message, folded, lang)) return not_an_answer(std::move(*answer));
    }
    if (desk_ != nullptr && !button) {
        if (auto answer = desk_->answer(message, folded, lang, dialogs_may_answer)) return not_an_answer(std::move(*answer));
    }
    if (releases_ != nullptr && !button) {
        if (auto answer = releases_->answer(message, folded, lang, dialogs_may_answer)) return not_an_answer(std::move(*answer));
    }
    auto question = std::string_view(message.text);
    while (!question.empty() && (question.front() == ' ' || question.front() == '\n')) question.remove_prefix(1);
    if (question.empty()) {
        reply.text = texts::empty_message(lang);
        reply.confident = false;
        return reply;
    }
    if (read_more) return not_an_answer(whole_document(*index, read_more_id, lang));
    if (vote) {
        auto const outcome = answers_.vote({vote->answer_id, pseudonym(message.platform, message.sender.user_id),
                                            vote->helpful, utc_timestamp()});
        log::info("answer_voted", {{"platform", message.platform}, {"answer", vote->answer_id}, {"helpful", vote->helpful}});
        reply.text = texts::feedback_reply(lang, feedback_result(outcome, vote->helpful), vote->answer_id);
        reply.confident = false;
        // Not helpful: the question can go on to a person.
        if (hand_off_ != nullptr && !vote->helpful && outcome != storage::VoteOutcome::unknown_answer) {
            // In the question's language: the vote itself ("feedback 12 nej") tells none.
            if (auto const asked = answers_.question_of(vote->answer_id)) {
                reply.actions.push_back(hand_off::HandOffDesk::offer(knowledge::detect_language(*asked), *asked));
            }
        }
        return reply;
    }

    if (directory_ != nullptr) {
        if (auto answer = directory_->answer(message, folded, lang)) return *answer;
    }

    // "fortsæt" with nothing in progress: say so, and how to start.
    if (auto const bare = trim_space(folded); bare == "fortsæt" || bare == "continue") {
        reply.text = texts::nothing_to_continue(bare == "continue" ? Language::en : Language::da);
        reply.confident = false;
        return reply;
    }
    // A command word, or nearly one, that no desk carried out ("gennemgå" without a release,
    // "status på 3.4", "fortryd"): the help for that command, never an answer from knowledge.
    // Counted apart from the declined questions: they are not gaps in the knowledge base.
    if (auto understood = commands::understand(folded)) {
        reply.text = texts::command_help(understood->lang.value_or(lang), understood->desk, understood->suggestion);
        reply.confident = false;
        ++feature_counters().commands_not_understood;
        log::info("command_not_understood", {{"platform", message.platform}, {"suggested", !understood->suggestion.empty()}});
        return reply;
    }

    if (question.size() > max_question_bytes) question = question.substr(0, max_question_bytes);
    auto const result = index->search(question);
    auto const& config = knowledge_.config();
    if (result.confidence() < config.min_confidence) {
        reply.text = texts::dont_know(lang);
        if (directory_ != nullptr) {
            if (auto who = directory_->who_to_ask(message)) reply.text = texts::dont_know(lang, who->municipality, who->systemansvarlige);
        }
        reply.confident = false;
        if (hand_off_ != nullptr) reply.actions.push_back(hand_off::HandOffDesk::offer(lang, std::string(question)));
        unanswered_.record({utc_timestamp(), message.platform, lang == Language::da ? "da" : "en",
                            std::string(question), result.confidence()});
        ++feature_counters().questions_declined;
        log::info("question_declined", {{"platform", message.platform}, {"confidence", result.confidence()}});
        return reply;
    }
    auto const& hit = result.hits.front();
    reply.text = index->excerpt(result, hit, config.max_answer_chars);
    reply.citations.push_back(citation_of(hit.source));
    reply.footer = texts::source_line(lang, reply.citations.back());
    auto const answer_id = answers_.record({utc_timestamp(), message.platform, lang == Language::da ? "da" : "en",
                                            std::string(question), hit.source.document_id, hit.source.section,
                                            hit.confidence});
    reply.actions = texts::feedback_actions(lang, answer_id);
    reply.actions.insert(reply.actions.begin(), texts::read_more_action(lang, hit.source.document_id));
    ++feature_counters().questions_answered;
    log::info("question_answered", {{"platform", message.platform}, {"confidence", hit.confidence},
                                    {"document", hit.source.document_id}, {"answer", answer_id}});
    return reply;
}

}  // namespace superbruger::bot
