// Undo and correct: a submitter edits a field of their request while it is ny or under vurdering,
// the submitting municipality withdraws it (its supporters are told), a supporting municipality
// takes its support back, and a coordinator puts a status move right with a reason. Each change
// is a line in the request's history.
#include "bot/change_requests/change_request_desk.hpp"

#include "bot/change_requests/request_rules.hpp"
#include "bot/change_requests/request_texts.hpp"
#include "bot/log.hpp"
#include "bot/text_reply.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "knowledge/utf8.hpp"
#include "storage/database.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace superbruger::bot::change_requests {

namespace {

using adapters::ChatReply;
using knowledge::Language;

/// "titel", "beskrivelse", "hast", "title", …: the draft's field name; "" when none.
std::string field_named(std::string const& folded) {
    static std::vector<std::pair<std::string, std::string>> const names = {
        {"titel", "title"},          {"title", "title"},           {"beskrivelse", "description"}, {"description", "description"},
        {"område", "area"},          {"dubu-område", "area"},      {"area", "area"},               {"gevinst", "benefit"},
        {"benefit", "benefit"},      {"hast", "urgency"},          {"urgency", "urgency"},         {"arbejdsgange", "workflow_effect"},
        {"betydning for arbejdsgange", "workflow_effect"},         {"effekt", "workflow_effect"},  {"effect on workflows", "workflow_effect"},
        {"workflows", "workflow_effect"}, {"effect", "workflow_effect"},
    };
    for (auto const& [name, field] : names) {
        if (folded == name) return field;
    }
    return {};
}

/// The text after the first colon of the message, trimmed; "" when there is none.
std::string after_colon(std::string const& text) {
    auto const colon = text.find(':');
    return colon == std::string::npos ? std::string() : trim_space(text.substr(colon + 1));
}

/// The folded words between the request's id and the colon (or the end): "titel" in "ret
/// ÆØ-2026-0001 titel: …".
std::string words_after_ref(std::string const& folded) {
    static std::regex const ref("æø-\\d{4}-\\d{1,4}");
    std::smatch m;
    if (!std::regex_search(folded, m, ref)) return {};
    auto rest = folded.substr(static_cast<std::size_t>(m.position(0) + m.length(0)));
    rest = rest.substr(0, rest.find(':'));
    return trim_space(rest);
}

bool same_person(storage::ChatIdentity const& who, adapters::ChatMessage const& message) {
    return who.platform == message.platform && who.user_id == message.sender.user_id;
}

std::string shortened(std::string const& text) {
    constexpr std::size_t max_chars = 60;
    if (knowledge::utf8::length(text) <= max_chars) return text;
    auto const cut = knowledge::utf8::decode(text).substr(0, max_chars);
    return knowledge::utf8::encode(cut) + "…";
}

}  // namespace

bool ChangeRequestDesk::may_support(adapters::ChatMessage const& message, storage::ChangeRequest const& request) {
    if (!supportable(request.status)) return false;
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.may_submit() || !standing.asker.municipality || standing.asker.municipality->id == request.municipality_id) return false;
    auto const supporters = requests_.supporters(request.id);
    return std::none_of(supporters.begin(), supporters.end(),
                        [&](storage::Supporter const& s) { return s.municipality_id == standing.asker.municipality->id; });
}

ChatReply ChangeRequestDesk::edit(adapters::ChatMessage const& message, std::string const& ref, std::string const& folded, Language lang) {
    auto const request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    if (!same_person(request->submitter, message)) return text_reply(texts::edit_not_submitter(lang, ref, request->submitter.name));
    if (!editable(request->status)) return text_reply(texts::edit_too_late(lang, ref, request->status));
    auto const field = field_named(words_after_ref(folded));
    auto value = after_colon(message.text);
    if (field.empty() || value.empty()) return text_reply(texts::edit_usage(lang, ref));
    auto const limit = std::find_if(fields().begin(), fields().end(), [&](FieldLimit const& f) { return field == f.name; });
    if (knowledge::utf8::length(value) > limit->max_chars) return text_reply(texts::too_long(lang, knowledge::utf8::length(value), limit->max_chars));
    if (field == "urgency") {
        auto urgency = urgency_named(knowledge::fold_case(value));
        if (!urgency) return text_reply(texts::bad_urgency(lang));
        value = *urgency;
    }
    std::string const before = field == "title" ? request->title : field == "description" ? request->description : field == "area" ? request->area
                               : field == "benefit" ? request->benefit : field == "urgency" ? request->urgency : request->workflow_effect;
    if (before == value) return text_reply(texts::edit_unchanged(lang, ref, texts::field_label(lang, field)));
    auto const comment = texts::field_label(Language::da, field) + " rettet: »" + shortened(before) + "« → »" + shortened(value) + "«";
    requests_.edit_field(request->id, field, value, request->submitter.name, comment, utc_timestamp(clock_()));
    log::info("change_request_edited", {{"ref", ref}, {"field", field}});
    auto reply = text_reply(texts::edited(lang, ref, texts::field_label(lang, field), value));
    reply.actions.push_back({lang == Language::da ? "Se status" : "See status", "status på " + ref});
    return reply;
}

ChatReply ChangeRequestDesk::withdraw(adapters::ChatMessage const& message, std::string const& ref, Language lang) {
    auto request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    auto const standing = standing_of(directory_, message.platform, message.sender);
    bool const home_systemansvarlig =
        standing.systemansvarlig && standing.asker.municipality && standing.asker.municipality->id == request->municipality_id;
    if (!same_person(request->submitter, message) && !home_systemansvarlig) return text_reply(texts::withdraw_not_allowed(lang, ref));
    if (!withdrawable(request->status)) return text_reply(texts::withdraw_too_late(lang, ref, request->status));
    auto const actor = standing.asker.person ? standing.asker.person->name : message.sender.display_name;
    auto const reason = after_colon(message.text);
    auto const from = request->status;
    db_.write_all_or_nothing([&] {
        requests_.set_status(request->id, "trukket tilbage", actor, reason, "", utc_timestamp(clock_()), "withdrawn");
        request = requests_.find(ref);
        auto const text = texts::withdrawn_notification(Language::da, *request, municipality_name(request->municipality_id), actor, reason);
        if (!same_person(request->submitter, message)) notify(request->submitter, "cr-withdrawn:" + ref + ":submitter", text, ref);
        for (auto const& s : requests_.supporters(request->id)) {
            notify(s.person, "cr-withdrawn:" + ref + ":" + std::to_string(s.municipality_id), text, ref);
        }
    });
    log::info("change_request_withdrawn", {{"ref", ref}, {"from", from}});
    return text_reply(texts::withdrawn(lang, ref, requests_.supporters(request->id).size()));
}

ChatReply ChangeRequestDesk::remove_support(adapters::ChatMessage const& message, std::string const& ref, Language lang) {
    auto const request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.asker.person || !standing.asker.municipality) return text_reply(texts::unknown_asker(lang));
    auto const& m = *standing.asker.municipality;
    if (!standing.may_submit()) return text_reply(texts::submit_not_allowed(lang, m.name, superbrugere_of(directory_, m.id)));
    bool removed = false;
    db_.write_all_or_nothing([&] {
        removed = requests_.remove_support(request->id, m.id);
        if (removed) {
            requests_.note(request->id, {utc_timestamp(clock_()), standing.asker.person->name, request->status, request->status,
                                         m.name + " støtter ikke længere ønsket", "support_removed"});
        }
    });
    if (!removed) return text_reply(texts::not_supporting(lang, m.name, ref));
    log::info("change_request_support_removed", {{"ref", ref}, {"municipality", m.id}});
    return text_reply(texts::support_removed(lang, m.name, ref));
}

ChatReply ChangeRequestDesk::correct(adapters::ChatMessage const& message, std::string const& ref, std::string const& folded, Language lang) {
    auto request = requests_.find(ref);
    if (!request) return text_reply(texts::unknown_ref(lang, ref));
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.coordinator) return text_reply(texts::correction_only_coordinators(lang));
    auto words = words_after_ref(folded);
    for (std::string_view to : {"til ", "to "}) {
        if (words.starts_with(to)) words = words.substr(to.size());
    }
    std::string release;
    for (std::string_view marker : {"implementeret i ", "implemented in "}) {
        if (!words.starts_with(marker)) continue;
        // The release as typed, from the original text (the markers are ASCII).
        std::string lowered = message.text;
        std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto const at = lowered.find(marker);
        if (at != std::string::npos) {
            release = message.text.substr(at + marker.size());
            release = trim_space(release.substr(0, release.find(':')));
        }
        words = "implementeret";
    }
    auto const status = status_named(words);
    auto const reason = after_colon(message.text);
    if (!status || reason.empty()) return text_reply(texts::correction_usage(lang, ref));
    if (*status == "implementeret" && release.empty()) return text_reply(texts::needs_release(lang, ref));
    auto const actor = standing.asker.person ? standing.asker.person->name : message.sender.display_name;
    auto const from = request->status;
    db_.write_all_or_nothing([&] {
        requests_.correct_status(request->id, *status, *status == "implementeret" ? release : "", actor, reason, utc_timestamp(clock_()));
        request = requests_.find(ref);
        auto const step = std::to_string(requests_.history(request->id).size());
        auto const text = texts::corrected_notification(Language::da, *request, from, actor, reason);
        if (!same_person(request->submitter, message)) notify(request->submitter, "cr-status:" + ref + ":" + step, text, ref);
        for (auto const& s : requests_.supporters(request->id)) {
            if (!same_person(s.person, message)) notify(s.person, "cr-status:" + ref + ":" + step, text, ref);
        }
    });
    log::info("change_request_corrected", {{"ref", ref}, {"from", from}, {"to", *status}});
    return text_reply(texts::corrected(lang, ref, from, request->status + (request->release.empty() ? "" : " (" + request->release + ")")));
}

}  // namespace superbruger::bot::change_requests
