// The intake dialog: one question per field, "tilbage" and "annuller" at any point, a summary
// with similar requests before the final "send". The draft is stored after every answer, so a
// restart loses nothing; a draft left alone longer than the timeout stops catching messages, and
// "nyt ændringsønske" or "fortsæt" picks it up again with every answer kept.
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/feature_counters.hpp"

#include "bot/change_requests/request_rules.hpp"
#include "bot/change_requests/request_texts.hpp"
#include "bot/json_text.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "knowledge/utf8.hpp"

#include <ctime>
#include <iomanip>
#include <sstream>

namespace superbruger::bot::change_requests {

namespace {

using adapters::ChatReply;
using knowledge::Language;
using nlohmann::json;

/// How long after a submit the same "send" counts as a repeat of it.
constexpr auto resubmit_window = std::chrono::minutes(2);

Language lang_of(json const& draft) { return draft.value("lang", "da") == "en" ? Language::en : Language::da; }

std::chrono::system_clock::time_point parse_utc(std::string const& iso) {
    std::tm tm{};
    std::istringstream in(iso.substr(0, 19));
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::size_t field_index(std::string const& step) {
    auto const& all = fields();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (step == all[i].name) return i;
    }
    return all.size();  // confirm
}

ChatReply ask(Language lang, std::string const& step, std::string const& before = {}) {
    ChatReply reply;
    auto const i = field_index(step);
    reply.text = (before.empty() ? "" : before + "\n\n") + texts::prompt(lang, step, i + 1, fields().size()) + "\n" + texts::controls(lang);
    return reply;
}

/// The request as one form, for platforms that show forms; pre-filled with the answers so far.
adapters::Form request_form(Language lang, json const& values) {
    adapters::Form form;
    for (auto const& f : fields()) {
        adapters::FormField field;
        field.id = f.name;
        field.label = texts::field_label(lang, f.name);
        field.max_chars = f.max_chars;
        std::string const name = f.name;
        field.kind = name == "urgency" ? adapters::FormField::Kind::choice
                     : (name == "title" || name == "area") ? adapters::FormField::Kind::line
                                                            : adapters::FormField::Kind::text;
        if (name == "urgency") {
            field.choices = lang == Language::da ? std::vector<std::pair<std::string, std::string>>{{"lav", "lav"}, {"middel", "middel"}, {"høj", "høj"}}
                                                 : std::vector<std::pair<std::string, std::string>>{{"lav", "low"}, {"middel", "medium"}, {"høj", "high"}};
        }
        if (values.is_object()) field.value = values.value(name, "");
        form.fields.push_back(std::move(field));
    }
    form.submit_label = lang == Language::da ? "Videre" : "Continue";
    form.submit_command = lang == Language::da ? "ændringsønske formular" : "change request form";
    return form;
}

bool one_of(std::string const& folded, std::initializer_list<char const*> words) {
    for (auto const* w : words) {
        if (folded == w) return true;
    }
    return false;
}

}  // namespace

ChatReply ChangeRequestDesk::start_dialog(adapters::ChatMessage const& message, Language lang) {
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.asker.person) {
        ChatReply r;
        r.text = texts::unknown_asker(lang);
        return r;
    }
    if (!standing.may_submit()) {
        ChatReply r;
        auto const m = standing.asker.municipality;
        r.text = texts::submit_not_allowed(lang, m ? m->name : "?", m ? superbrugere_of(directory_, m->id) : std::vector<std::string>{});
        return r;
    }
    auto const now = utc_timestamp(clock_());
    if (auto existing = requests_.draft(message.platform, message.sender.user_id); existing && existing->step != "done") {
        auto const draft = json::parse(existing->fields, nullptr, false);
        requests_.save_draft({message.platform, message.sender.user_id, existing->step, existing->fields, now});
        if (existing->step == "confirm") {
            auto r = confirm_step(draft, lang_of(draft));
            r.text = texts::resumed(lang_of(draft)) + "\n\n" + r.text;
            return r;
        }
        return ask(lang_of(draft), existing->step, texts::resumed(lang_of(draft)));
    }
    json draft = {{"lang", lang == Language::en ? "en" : "da"}, {"started", utc_timestamp_millis(clock_())}, {"fields", json::object()}};
    requests_.save_draft({message.platform, message.sender.user_id, fields().front().name, json_text(draft), now});
    auto reply = ask(lang, fields().front().name);
    reply.text += "\n\n" + texts::form_intro(lang);
    reply.form = request_form(lang, json::object());
    return reply;
}

ChatReply ChangeRequestDesk::take_form(adapters::ChatMessage const& message, Language lang) {
    auto const standing = standing_of(directory_, message.platform, message.sender);
    if (!standing.may_submit()) {
        ChatReply r;
        r.text = standing.asker.person ? texts::submit_not_allowed(lang, standing.asker.municipality ? standing.asker.municipality->name : "?", {})
                                       : texts::unknown_asker(lang);
        return r;
    }
    json values = json::object();
    std::string problems;
    for (auto const& f : fields()) {
        auto it = message.form_values.find(f.name);
        auto value = trim_space(it == message.form_values.end() ? std::string() : it->second);
        std::string problem;
        if (value.empty()) problem = texts::empty_answer(lang);
        else if (knowledge::utf8::length(value) > f.max_chars) problem = texts::too_long(lang, knowledge::utf8::length(value), f.max_chars);
        else if (std::string(f.name) == "urgency") {
            auto urgency = urgency_named(knowledge::fold_case(value));
            if (!urgency) problem = texts::bad_urgency(lang);
            else value = *urgency;
        }
        if (!problem.empty()) problems += "\n- " + texts::field_label(lang, f.name) + ": " + problem;
        values[f.name] = value;
    }
    if (!problems.empty()) {
        ChatReply r;
        r.text = texts::form_problems(lang) + problems;
        r.form = request_form(lang, values);
        return r;
    }
    auto const existing = requests_.draft(message.platform, message.sender.user_id);
    json draft = {{"lang", lang == Language::en ? "en" : "da"}, {"started", utc_timestamp_millis(clock_())}, {"fields", values}};
    if (existing && existing->step != "done") {
        // The same draft as the dialog's: its identity (and so the submit's) stays.
        auto const earlier = json::parse(existing->fields, nullptr, false);
        if (earlier.is_object()) draft["started"] = earlier.value("started", draft["started"].get<std::string>());
    }
    requests_.save_draft({message.platform, message.sender.user_id, "confirm", json_text(draft), utc_timestamp(clock_())});
    return confirm_step(draft, lang);
}

std::optional<ChatReply> ChangeRequestDesk::continue_dialog(adapters::ChatMessage const& message, std::string const& folded) {
    auto stored = requests_.draft(message.platform, message.sender.user_id);
    if (!stored) return std::nullopt;
    auto draft = json::parse(stored->fields, nullptr, false);
    if (!draft.is_object()) {
        requests_.delete_draft(message.platform, message.sender.user_id);
        return std::nullopt;
    }
    auto const lang = lang_of(draft);
    auto const command = knowledge::fold_case(trim_space(message.text));
    bool const resume = one_of(command, {"fortsæt", "continue"});
    if (stored->step == "done") {
        // The submit went through: the same "send" again at once (a double click, a platform's
        // retry) gets the same answer, not a second request. Anything else, and a "send" later,
        // is not this dialog's: a "ja" may answer a release review started since.
        bool const just_submitted = clock_() - parse_utc(stored->updated_at) <= resubmit_window;
        if (just_submitted && one_of(command, {"send", "indsend", "submit"})) {
            ChatReply r;
            r.text = texts::already_submitted(lang, draft.value("ref", ""));
            return r;
        }
        return std::nullopt;
    }
    bool const expired = clock_() - parse_utc(stored->updated_at) > dialog_timeout_;
    if (expired && !resume) return std::nullopt;  // asleep: other questions are answered as usual
    auto const now = utc_timestamp(clock_());
    auto save = [&](std::string const& step) { requests_.save_draft({message.platform, message.sender.user_id, step, json_text(draft), now}); };

    if (one_of(command, {"annuller", "cancel", "afbryd"})) {
        requests_.delete_draft(message.platform, message.sender.user_id);
        ChatReply r;
        r.text = texts::cancelled(lang);
        return r;
    }
    auto const i = field_index(stored->step);
    if (resume) {
        save(stored->step);
        if (stored->step == "confirm") return confirm_step(draft, lang);
        return ask(lang, stored->step, texts::resumed(lang));
    }
    if (one_of(command, {"tilbage", "back"})) {
        if (i == 0) return ask(lang, stored->step, texts::nothing_to_go_back_to(lang));
        auto const previous = fields()[i - 1].name;
        save(previous);
        auto const current = draft["fields"].value(previous, "");
        return ask(lang, previous, current.empty() ? "" : (lang == Language::da ? "Dit svar var: " : "Your answer was: ") + current);
    }
    if (stored->step == "confirm") {
        if (one_of(command, {"send", "ja", "yes", "submit", "indsend"})) return submit(message, draft, *stored);
        if (auto ref = ref_in(folded); !ref.empty() && (command.starts_with("støt") || command.starts_with("support"))) {
            auto reply = support(message, ref, lang);
            requests_.delete_draft(message.platform, message.sender.user_id);
            return reply;
        }
        return confirm_step(draft, lang);
    }

    // An answer to the current field.
    auto const& field = fields()[i];
    auto value = trim_space(message.text);
    if (value.empty()) return ask(lang, field.name, texts::empty_answer(lang));
    if (knowledge::utf8::length(value) > field.max_chars) return ask(lang, field.name, texts::too_long(lang, knowledge::utf8::length(value), field.max_chars));
    if (std::string(field.name) == "urgency") {
        auto urgency = urgency_named(knowledge::fold_case(value));
        if (!urgency) return ask(lang, field.name, texts::bad_urgency(lang));
        value = *urgency;
    }
    draft["fields"][field.name] = value;
    if (i + 1 < fields().size()) {
        save(fields()[i + 1].name);
        return ask(lang, fields()[i + 1].name);
    }
    save("confirm");
    return confirm_step(draft, lang);
}

std::optional<std::string> ChangeRequestDesk::dialog_note(adapters::ChatMessage const& message) const {
    auto const stored = requests_.draft(message.platform, message.sender.user_id);
    if (!stored || stored->step == "done" || clock_() - parse_utc(stored->updated_at) > dialog_timeout_) return std::nullopt;
    auto const draft = json::parse(stored->fields, nullptr, false);
    auto const lang = draft.is_object() ? lang_of(draft) : Language::da;
    auto const i = field_index(stored->step);
    return texts::dialog_paused(lang, i + 1, fields().size());
}

ChatReply ChangeRequestDesk::confirm_step(json const& draft, Language lang) {
    std::map<std::string, std::string> values;
    for (auto const& [k, v] : draft["fields"].items()) values[k] = v.get<std::string>();
    ChatReply reply;
    reply.text = texts::summary(lang, values);
    auto const similar = similar_.duplicates_of(requests_.all(), values["title"], values["description"]);
    for (std::size_t k = 0; k < similar.size(); ++k) {
        auto const& r = similar[k].first;
        if (k == 0) reply.text += "\n\n" + texts::similar_heading(lang);
        reply.text += "\n" + texts::similar_line(r, municipality_name(r.municipality_id), requests_.supporters(r.id).size());
    }
    if (!similar.empty()) reply.text += "\n" + texts::plus_explained(lang);
    reply.text += "\n\n" + texts::confirm_choices(lang, !similar.empty());
    reply.actions.push_back({lang == Language::da ? "Send" : "Submit", "send"});
    for (auto const& [r, score] : similar) if (supportable(r.status)) reply.actions.push_back({(lang == Language::da ? "Støt " : "Support ") + r.ref, "støt " + r.ref});
    reply.actions.push_back({lang == Language::da ? "Tilbage" : "Back", lang == Language::da ? "tilbage" : "back"});
    reply.actions.push_back({lang == Language::da ? "Annuller" : "Cancel", lang == Language::da ? "annuller" : "cancel"});
    return reply;
}

ChatReply ChangeRequestDesk::submit(adapters::ChatMessage const& message, json& draft, storage::Draft const& stored) {
    auto const lang = lang_of(draft);
    auto const standing = standing_of(directory_, message.platform, message.sender);
    ChatReply reply;
    if (!standing.may_submit() || !standing.asker.municipality) {
        reply.text = standing.asker.person ? texts::submit_not_allowed(lang, standing.asker.municipality ? standing.asker.municipality->name : "?", {})
                                           : texts::unknown_asker(lang);
        return reply;
    }
    auto const& f = draft["fields"];
    storage::ChangeRequest request;
    request.title = f.value("title", "");
    request.description = f.value("description", "");
    request.area = f.value("area", "");
    request.benefit = f.value("benefit", "");
    request.urgency = f.value("urgency", "");
    request.workflow_effect = f.value("workflow_effect", "");
    request.municipality_id = standing.asker.municipality->id;
    request.submitter = {message.platform, message.sender.user_id, message.sender.tenant_id,
                         standing.asker.person->name.empty() ? message.sender.display_name : standing.asker.person->name};
    request.created_at = utc_timestamp(clock_());
    // The draft's identity is the submit's: a second "send" for it finds the first request.
    auto const filed = requests_.submit(request, message.platform + ":" + message.sender.user_id + ":" + draft.value("started", ""));
    ++feature_counters().change_requests_filed;
    draft["ref"] = filed.ref;
    requests_.save_draft({stored.platform, stored.user_id, "done", json_text(draft), utc_timestamp(clock_())});
    reply.text = texts::submitted(lang, filed.ref);
    reply.actions.push_back({lang == Language::da ? "Se status" : "See status", "status på " + filed.ref});
    return reply;
}

}  // namespace superbruger::bot::change_requests
