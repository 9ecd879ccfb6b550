// ChangeRequestDesk: reading the commands, supporting, moving, showing and listing requests.
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/feature_counters.hpp"
#include "bot/text_reply.hpp"

#include "bot/change_requests/request_rules.hpp"
#include "bot/change_requests/request_texts.hpp"
#include "bot/json_text.hpp"
#include "bot/log.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/database.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>

namespace superbruger::bot::change_requests {

namespace {

using adapters::ChatReply;
using knowledge::Language;

bool starts_with_any(std::string const& folded, std::initializer_list<char const*> prefixes, std::string& rest) {
    for (auto const* p : prefixes) {
        std::string_view const prefix(p);
        if (folded.starts_with(prefix)) {
            rest = folded.substr(prefix.size());
            while (!rest.empty() && (rest.front() == ' ')) rest.erase(0, 1);
            while (!rest.empty() && (rest.back() == '?' || rest.back() == '.' || rest.back() == ' ')) rest.pop_back();
            return true;
        }
    }
    return false;
}

/// Case-insensitive (ASCII) search in the original text, so a release keeps its spelling.
std::size_t find_ascii_nocase(std::string const& text, std::string const& needle) {
    auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
    return it == text.end() ? std::string::npos : static_cast<std::size_t>(it - text.begin());
}

}  // namespace

std::string ref_in(std::string const& folded) {
    if (folded.find("æø-") == std::string::npos) return {};  // most messages: no regex run at all
    static std::regex const pattern("æø-(\\d{4})-(\\d{1,4})");
    std::smatch m;
    if (!std::regex_search(folded, m, pattern)) return {};
    char ref[32];
    std::snprintf(ref, sizeof ref, "ÆØ-%s-%04d", m[1].str().c_str(), std::stoi(m[2].str()));
    return ref;
}

ChangeRequestDesk::ChangeRequestDesk(storage::Database& db, directory::DirectoryService& directory, std::chrono::minutes dialog_timeout,
                                     Clock clock)
    : db_(db), directory_(directory), requests_(db), outbox_(db), dialog_timeout_(dialog_timeout), clock_(std::move(clock)) {}

std::optional<ChatReply> ChangeRequestDesk::answer(adapters::ChatMessage const& message, std::string const& folded, Language lang,
                                                   bool dialog_may_answer) {
    std::string rest;
    if (starts_with_any(folded, {"nyt ændringsønske", "ny ændringsønske", "opret ændringsønske", "new change request", "fortsæt ændringsønske"}, rest) &&
        rest.empty()) {
        return start_dialog(message, folded.starts_with("new") ? Language::en : Language::da);
    }
    if ((folded == "ændringsønske formular" || folded == "change request form") && !message.form_values.empty()) {
        return take_form(message, folded.starts_with("change") ? Language::en : Language::da);
    }
    if (dialog_may_answer) {
        if (auto reply = continue_dialog(message, folded)) return reply;
    }

    auto const ref = ref_in(folded);
    if (!ref.empty()) {
        if (starts_with_any(folded, {"ret status ", "correct status ", "korriger status "}, rest)) {
            return correct(message, ref, folded, folded.starts_with("correct") ? Language::en : Language::da);
        }
        if (starts_with_any(folded, {"fjern støtte", "fjern støtten", "fjern vores støtte", "støt ikke", "remove support", "remove our support",
                                     "withdraw support", "unsupport"}, rest)) {
            return remove_support(message, ref, folded.starts_with("fjern") || folded.starts_with("støt") ? Language::da : Language::en);
        }
        if (starts_with_any(folded, {"træk tilbage ", "withdraw "}, rest) ||
            (folded.starts_with("træk ") && (folded.ends_with(" tilbage") || folded.find(" tilbage:") != std::string::npos))) {
            return withdraw(message, ref, folded.starts_with("withdraw") ? Language::en : Language::da);
        }
        if (starts_with_any(folded, {"ret ", "rediger ", "edit "}, rest)) {
            return edit(message, ref, folded, folded.starts_with("edit") ? Language::en : Language::da);
        }
        if (starts_with_any(folded, {"støt ", "support "}, rest)) return support(message, ref, lang);
        if (starts_with_any(folded, {"flyt ", "sæt ", "move ", "set "}, rest)) {
            std::string const separator = folded.starts_with("move") || folded.starts_with("set") ? " to " : " til ";
            auto const to_at = rest.find(separator);
            if (to_at != std::string::npos) {
                auto target = rest.substr(to_at + separator.size());
                std::string comment;
                if (auto colon = message.text.find(':'); colon != std::string::npos) {
                    comment = message.text.substr(colon + 1);
                    comment.erase(0, comment.find_first_not_of(' '));
                    target = target.substr(0, target.find(':'));
                }
                while (!target.empty() && target.back() == ' ') target.pop_back();
                std::string release;
                for (auto const* marker : {"implementeret i ", "implemented in "}) {
                    if (target.starts_with(marker)) {
                        auto const at = find_ascii_nocase(message.text, marker);
                        release = message.text.substr(at + std::string(marker).size());
                        release = release.substr(0, release.find(':'));
                        while (!release.empty() && (release.back() == ' ' || release.back() == '.')) release.pop_back();
                        target = "implementeret";
                    }
                }
                if (auto status = status_named(target)) return move(message, ref, *status, release, comment, lang);
            }
        }
        if (starts_with_any(folded, {"status på ", "status for ", "status of ", "vis ", "show "}, rest) || folded == knowledge::fold_case(ref) ||
            rest == knowledge::fold_case(ref)) {
            return show(message, ref, lang);
        }
    }

    if (starts_with_any(folded, {"mine ændringsønsker", "my change requests"}, rest) && rest.empty()) {
        storage::RequestFilter f;
        f.submitter_platform = message.platform;
        f.submitter_user_id = message.sender.user_id;
        return list(requests_.list(f), lang == Language::da ? "Dine ændringsønsker" : "Your change requests", lang);
    }
    if (starts_with_any(folded, {"vores ændringsønsker", "our change requests"}, rest) && rest.empty()) {
        auto const asker = directory_.identify(message.platform, message.sender);
        if (!asker.municipality) return text_reply(texts::unknown_asker(lang));
        storage::RequestFilter f;
        f.municipality_id = asker.municipality->id;
        return list(requests_.list(f), (lang == Language::da ? "Ændringsønsker fra eller støttet af " : "Change requests from or supported by ") +
                                           asker.municipality->name, lang);
    }
    if (starts_with_any(folded, {"alle ændringsønsker", "ændringsønsker", "all change requests", "change requests"}, rest)) {
        storage::RequestFilter f;
        std::string topic;
        if (starts_with_any(rest, {"med status ", "with status "}, topic)) {
            auto status = status_named(topic);
            if (!status) return std::nullopt;
            f.status = *status;
            return list(requests_.list(f), (lang == Language::da ? "Ændringsønsker med status " : "Change requests with status ") + *status, lang);
        }
        if (rest.empty()) return list(requests_.all(), lang == Language::da ? "Alle ændringsønsker" : "All change requests", lang);
        if (starts_with_any(rest, {"om ", "about "}, topic) && !topic.empty()) {
            return list(similar_.about(requests_.all(), topic), (lang == Language::da ? "Ændringsønsker om " : "Change requests about ") + topic, lang);
        }
    }
    return std::nullopt;
}

std::string ChangeRequestDesk::municipality_name(std::int64_t id) const {
    auto m = directory_.store().municipality(id);
    return m ? m->name : "?";
}

ChatReply ChangeRequestDesk::support(adapters::ChatMessage const& message, std::string const& ref, Language lang) {
    auto const request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.asker.person || !standing.asker.municipality) return text_reply(texts::unknown_asker(lang));
    auto const& m = *standing.asker.municipality;
    if (!standing.may_submit()) return text_reply(texts::submit_not_allowed(lang, m.name, superbrugere_of(directory_, m.id)));
    if (request->municipality_id == m.id) return text_reply(texts::own_request(lang, ref));
    if (!supportable(request->status)) return text_reply(texts::not_supportable(lang, ref, request->status));
    storage::ChatIdentity const me{message.platform, message.sender.user_id, message.sender.tenant_id, standing.asker.person->name};
    bool added = false;
    db_.write_all_or_nothing([&] {
        added = requests_.support(request->id, {m.id, me, utc_timestamp(clock_())});
        if (added) requests_.note(request->id, {utc_timestamp(clock_()), me.name, request->status, request->status, m.name + " støtter ønsket", "support"});
    });
    if (!added) return text_reply(texts::already_supports(lang, m.name, ref));
    ++feature_counters().change_requests_supported;
    log::info("change_request_supported", {{"ref", ref}, {"municipality", m.id}});
    notify(request->submitter, "cr-support:" + ref + ":" + std::to_string(m.id), texts::supported_notification(Language::da, *request, m.name), ref);
    auto reply = text_reply(texts::supported(lang, m.name, ref, request->title));
    reply.actions.push_back({lang == Language::da ? "Se status" : "See status", "status på " + ref});
    return reply;
}

ChatReply ChangeRequestDesk::move(adapters::ChatMessage const& message, std::string const& ref, std::string const& status,
                                  std::string const& release, std::string const& comment, Language lang) {
    auto request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    auto const standing = standing_of(directory_, message.platform, message.sender);
    auto const mover = standing.coordinator ? Mover::coordinator
                       : (standing.systemansvarlig && standing.asker.municipality && standing.asker.municipality->id == request->municipality_id)
                           ? Mover::home_systemansvarlig
                           : Mover::other;
    auto const from = request->status;
    if (!transition_exists(from, status)) return text_reply(texts::no_such_transition(lang, ref, from, status));
    if (!may_move(mover, from, status)) return text_reply(texts::move_not_allowed(lang, ref, from, status));
    if (status == "implementeret" && release.empty()) return text_reply(texts::needs_release(lang, ref));
    auto const actor = standing.asker.person ? standing.asker.person->name : message.sender.display_name;
    auto const at = utc_timestamp(clock_());
    // The status and the notifications are stored together: nobody misses a change that happened.
    db_.write_all_or_nothing([&] {
        requests_.set_status(request->id, status, actor, comment, release, at);
        request = requests_.find(ref);
        auto const step = std::to_string(requests_.history(request->id).size());
        auto const text = texts::notification(Language::da, *request, from, status, actor, comment);
        auto const is_actor = [&](storage::ChatIdentity const& who) {
            return who.platform == message.platform && who.user_id == message.sender.user_id;
        };
        if (!is_actor(request->submitter)) notify(request->submitter, "cr-status:" + ref + ":" + step, text, ref);
        for (auto const& s : requests_.supporters(request->id)) {
            if (!is_actor(s.person)) notify(s.person, "cr-status:" + ref + ":" + step, text, ref);
        }
    });
    log::info("change_request_moved", {{"ref", ref}, {"from", from}, {"to", status}});
    return text_reply(texts::moved(lang, ref, from, status));
}

void ChangeRequestDesk::notify(storage::ChatIdentity const& to, std::string const& key, std::string const& text, std::string const& ref) {
    ChatReply message;
    message.text = text;
    message.actions.push_back({"Se status", "status på " + ref});
    auto const now = utc_timestamp(clock_());
    outbox_.enqueue(storage::OutboxMessage::to(key, to.platform, to.user_id, to.tenant, json_text(reply_to_json(message)), now, now));
}

ChatReply ChangeRequestDesk::show(adapters::ChatMessage const& message, std::string const& ref, Language lang) {
    auto const request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    std::vector<std::string> supporters;
    for (auto const& s : requests_.supporters(request->id)) supporters.push_back(municipality_name(s.municipality_id));
    auto reply = text_reply(texts::status_view(lang, *request, municipality_name(request->municipality_id), supporters,
                                               requests_.history(request->id)));
    reply.footer = texts::source(lang);
    // Only the buttons that can work for this person now.
    auto const da = lang == Language::da;
    if (may_support(message, *request)) reply.actions.push_back({da ? "Støt" : "Support", "støt " + ref});
    auto const standing = standing_of(directory_, message.platform, message.sender);
    auto const all = requests_.supporters(request->id);
    if (standing.asker.municipality && std::any_of(all.begin(), all.end(), [&](storage::Supporter const& s) {
            return s.municipality_id == standing.asker.municipality->id;
        })) {
        reply.actions.push_back({da ? "Fjern vores støtte" : "Remove our support", (da ? "fjern støtte " : "remove support ") + ref});
    }
    bool const submitter = request->submitter.platform == message.platform && request->submitter.user_id == message.sender.user_id;
    if (submitter && withdrawable(request->status)) reply.actions.push_back({da ? "Træk tilbage" : "Withdraw", (da ? "træk tilbage " : "withdraw ") + ref});
    if (submitter && editable(request->status)) reply.text += "\n\n" + texts::edit_usage(lang, ref);
    return reply;
}

ChatReply ChangeRequestDesk::list(std::vector<storage::ChangeRequest> const& found, std::string const& heading, Language lang) {
    if (found.empty()) return text_reply(texts::none_found(lang));
    std::string text = texts::list_heading(lang, heading);
    constexpr std::size_t max_lines = 40;
    for (std::size_t i = 0; i < found.size() && i < max_lines; ++i) {
        text += "\n" + texts::list_line(found[i], municipality_name(found[i].municipality_id), requests_.supporters(found[i].id).size());
    }
    if (found.size() > max_lines) text += "\n… (" + std::to_string(found.size() - max_lines) + ")";
    text += "\n\n" + texts::plus_explained(lang);
    auto reply = text_reply(text);
    reply.footer = texts::source(lang);
    return reply;
}

}  // namespace superbruger::bot::change_requests
