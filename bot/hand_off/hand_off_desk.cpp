// HandOffDesk: find whom to ask, store the question, queue the messages both ways.
#include "bot/hand_off/hand_off_desk.hpp"

#include "bot/error.hpp"
#include "bot/hand_off/answer_document.hpp"
#include "bot/hand_off/hand_off_texts.hpp"
#include "bot/json_text.hpp"
#include "bot/log.hpp"
#include "bot/reply_json.hpp"
#include "bot/text_reply.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/utf8.hpp"
#include "storage/database.hpp"

#include <charconv>
#include <vector>

namespace superbruger::bot::hand_off {

namespace {

using adapters::ChatReply;
using knowledge::Language;

/// The text after the first ':' of the original message, trimmed.
std::string after_colon(std::string const& text) {
    auto const colon = text.find(':');
    return colon == std::string::npos ? std::string() : std::string(trim_space(text.substr(colon + 1)));
}

/// "svar 12: …" / "answer 12: …": the number, or nullopt.
std::optional<std::int64_t> answer_number(std::string_view folded) {
    for (std::string_view word : {"svar ", "answer "}) {
        if (!folded.starts_with(word)) continue;
        auto rest = folded.substr(word.size());
        std::int64_t id = 0;
        auto const [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
        if (error != std::errc{} || id <= 0) return std::nullopt;
        auto const tail = trim_space(std::string_view(end, rest.data() + rest.size() - end));
        if (tail.empty() || tail.front() == ':') return id;
    }
    return std::nullopt;
}

/// "føj svar 12 til vidensbasen" / "add answer 12 to the knowledge base": the number, or nullopt.
std::optional<std::int64_t> knowledge_number(std::string_view folded) {
    struct Words {
        std::string_view before;
        std::vector<std::string_view> after;
    };
    static std::vector<Words> const forms = {
        {"føj svar ", {"til vidensbasen", "til videnbasen"}},
        {"tilføj svar ", {"til vidensbasen", "til videnbasen"}},
        {"læg svar ", {"i vidensbasen", "i videnbasen"}},
        {"add answer ", {"to the knowledge base", "to knowledge", "to the knowledge"}},
    };
    for (auto const& form : forms) {
        if (!folded.starts_with(form.before)) continue;
        auto rest = folded.substr(form.before.size());
        std::int64_t id = 0;
        auto const [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
        if (error != std::errc{} || id <= 0) return std::nullopt;
        auto const tail = trim_space(std::string_view(end, rest.data() + rest.size() - end));
        for (auto const words : form.after) {
            if (tail == words) return id;
        }
    }
    return std::nullopt;
}

bool is_ask_command(std::string_view folded) {
    for (std::string_view words : {"spørg en person", "ask a person"}) {
        if (folded == words || folded.starts_with(std::string(words) + ":") || folded.starts_with(std::string(words) + " ")) return true;
    }
    return false;
}

}  // namespace

HandOffDesk::HandOffDesk(storage::Database& db, directory::DirectoryService& directory, KnowledgeService* knowledge, Clock clock)
    : db_(db), directory_(directory), knowledge_(knowledge), hand_offs_(db), outbox_(db), clock_(std::move(clock)) {}

adapters::ReplyAction HandOffDesk::offer(Language lang, std::string const& question) {
    return {texts::offer_label(lang), texts::offer_command(lang, knowledge::utf8::cut(question, max_question_bytes))};
}

std::optional<ChatReply> HandOffDesk::answer(adapters::ChatMessage const& message, std::string const& folded, Language lang) {
    auto const bare = trim_space(folded);
    if (is_ask_command(bare)) return ask(message, after_colon(message.text), bare.starts_with("ask") ? Language::en : Language::da);
    if (auto const id = answer_number(bare)) return reply_to(message, *id, after_colon(message.text), bare.starts_with("answer") ? Language::en : lang);
    if (auto const id = knowledge_number(bare)) return add_to_knowledge(message, *id, bare.starts_with("add") ? Language::en : Language::da);
    return std::nullopt;
}

ChatReply HandOffDesk::ask(adapters::ChatMessage const& message, std::string question, Language lang) {
    if (question.empty()) return text_reply(texts::no_question(lang));
    question = knowledge::utf8::cut(question, max_question_bytes);
    auto const asker = directory_.identify(message.platform, message.sender);
    auto& store = directory_.store();

    // Whom to ask: the municipality's systemansvarlige that the bot can write to, else the
    // network's coordinators.
    struct Recipient {
        std::string name, platform, user_id, tenant;
    };
    std::vector<Recipient> to;
    auto const reachable = [&](storage::Person const& p, std::optional<std::int64_t> municipality_id) {
        if (asker.person && asker.person->id == p.id) return;  // not to oneself
        for (auto const& [platform, user_id] : store.identities_of(p.id)) {
            auto const m = municipality_id ? municipality_id : p.municipality_id;
            to.push_back({p.name, platform, user_id, m ? store.tenant_of(*m, platform) : std::string()});
        }
    };
    if (asker.municipality) {
        for (auto const& a : store.current_holders(asker.municipality->id, "systemansvarlig")) reachable(a.person, asker.municipality->id);
    }
    bool const to_coordinators = to.empty();
    if (to_coordinators) {
        for (auto const& p : store.people()) {
            if (p.coordinator) reachable(p, std::nullopt);
        }
    }
    auto const municipality = asker.municipality ? asker.municipality->name : std::string();
    if (to.empty()) return text_reply(texts::nobody_to_ask(lang, municipality));

    auto const now = utc_timestamp(clock_());
    storage::HandOff h;
    h.asked_at = now;
    h.platform = message.platform;
    h.asker_user_id = message.sender.user_id;
    h.asker_tenant = message.sender.tenant_id;
    h.asker_name = asker.person ? asker.person->name : (message.sender.display_name.empty() ? "en kollega" : message.sender.display_name);
    if (asker.municipality) h.municipality_id = asker.municipality->id;
    h.question = question;
    std::vector<std::string> names;
    // The question and its messages are stored together: a question nobody was told of never exists.
    db_.write_all_or_nothing([&] {
        h.id = hand_offs_.add(h);
        ChatReply note;
        note.text = texts::question_for_expert(h.id, h.asker_name, municipality, question);
        auto const body = json_text(reply_to_json(note));
        for (auto const& r : to) {
            outbox_.enqueue(storage::OutboxMessage::to("handoff:" + std::to_string(h.id), r.platform, r.user_id, r.tenant, body, now, now));
            if (std::find(names.begin(), names.end(), r.name) == names.end()) names.push_back(r.name);
        }
    });
    log::info("question_handed_off", {{"platform", message.platform}, {"hand_off", h.id}, {"recipients", to.size()},
                                      {"to_coordinators", to_coordinators}});
    return text_reply(texts::sent(lang, names, to_coordinators));
}

bool HandOffDesk::may_answer(directory::Asker const& expert, storage::HandOff const& hand_off) const {
    if (!expert.person) return false;
    if (expert.person->coordinator) return true;
    if (!hand_off.municipality_id) return false;
    for (auto const& a : directory_.store().current_holders(*hand_off.municipality_id, "systemansvarlig")) {
        if (a.person.id == expert.person->id) return true;
    }
    return false;
}

ChatReply HandOffDesk::reply_to(adapters::ChatMessage const& message, std::int64_t id, std::string answer, Language lang) {
    auto const hand_off = hand_offs_.find(id);
    if (!hand_off) return text_reply(texts::unknown_hand_off(lang, id));
    auto const expert = directory_.identify(message.platform, message.sender);
    if (!may_answer(expert, *hand_off)) return text_reply(texts::answer_not_allowed(lang, id));
    if (answer.empty()) return text_reply(texts::empty_answer(lang, id));
    if (auto const chars = knowledge::utf8::length(answer); chars > storage::HandOffs::max_answer_chars) {
        return text_reply(texts::answer_too_long(lang, chars, storage::HandOffs::max_answer_chars));
    }
    auto const now = utc_timestamp(clock_());
    bool first = false;
    db_.write_all_or_nothing([&] {
        first = hand_offs_.record_answer(id, expert.person->name, now, answer);
        ChatReply note;
        note.text = texts::answer_for_asker(hand_off->question, expert.person->name, answer);
        // One message per answer: a second answer (another expert, or a correction) is sent too.
        auto const key = "handoff-answer:" + std::to_string(id) + ":" + message.platform + ":" + message.sender.user_id + "@" + now;
        outbox_.enqueue(storage::OutboxMessage::to(key, hand_off->platform, hand_off->asker_user_id, hand_off->asker_tenant,
                                                   json_text(reply_to_json(note)), now, now));
    });
    log::info("hand_off_answered", {{"hand_off", id}, {"first", first}});
    auto reply = text_reply(texts::answer_sent(lang, hand_off->asker_name, first));
    if (expert.person->coordinator && knowledge_ != nullptr && knowledge_->can_add_documents()) {
        reply.actions.push_back({texts::add_to_knowledge_label(lang), texts::add_to_knowledge_command(lang, id)});
    }
    return reply;
}

ChatReply HandOffDesk::add_to_knowledge(adapters::ChatMessage const& message, std::int64_t id, Language lang) {
    auto const who = directory_.identify(message.platform, message.sender);
    // Every municipality sees what goes into the base: only the network's coordinators put it there.
    if (!who.person || !who.person->coordinator) return text_reply(texts::add_not_allowed(lang));
    if (knowledge_ == nullptr || !knowledge_->can_add_documents()) return text_reply(texts::no_local_folder(lang));
    auto const hand_off = hand_offs_.find(id);
    if (!hand_off) return text_reply(texts::unknown_hand_off(lang, id));
    if (hand_off->latest_answer.empty()) return text_reply(texts::not_answered_yet(lang, id));
    auto const document = answer_document(*hand_off, utc_timestamp(clock_()).substr(0, 10));
    KnowledgeService::Added added;
    try {
        added = knowledge_->add_local_document(document.file_stem, document.text);
    } catch (BotError const& e) {
        // The details (paths, the system's words) are for the operator's log, not the chat.
        log::error("hand_off_knowledge_failed", {{"hand_off", id}, {"error", e.what()}});
        return text_reply(texts::cannot_add(lang, texts::not_written(lang)));
    }
    if (!added.problems.empty()) {
        log::error("hand_off_knowledge_refused", {{"hand_off", id}, {"problem", added.problems.front().message}, {"line", added.problems.front().line}});
        return text_reply(texts::cannot_add(lang, texts::did_not_load(lang)));
    }
    log::info("hand_off_added_to_knowledge", {{"hand_off", id}, {"document", document.file_stem}});
    return text_reply(texts::added_to_knowledge(lang, id, document.title, added.file.string()));
}

}  // namespace superbruger::bot::hand_off
