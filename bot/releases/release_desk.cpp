// ReleaseDesk: the review dialog, the progress view and the reminder switch.
#include "bot/releases/release_desk.hpp"
#include "bot/feature_counters.hpp"

#include "bot/change_requests/standing.hpp"
#include "bot/error.hpp"
#include "bot/releases/release_texts.hpp"
#include "bot/releases/review_progress.hpp"
#include "bot/join.hpp"
#include "bot/near_names.hpp"
#include "bot/text_reply.hpp"
#include "bot/texts.hpp"
#include "bot/time_format.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/database.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace superbruger::bot::releases {

namespace {

using adapters::ChatReply;
using knowledge::Language;

std::optional<std::string> effect_named(std::string const& folded) {
    if (folded == "ingen" || folded == "none") return "ingen";
    if (folded == "lav" || folded == "low") return "lav";
    if (folded == "middel" || folded == "medium") return "middel";
    if (folded == "høj" || folded == "high") return "høj";
    return std::nullopt;
}

/// "nej" → (false, ""), "ja: breve" → (true, "breve"), "ja" → (true, ""); nullopt otherwise.
std::optional<std::pair<bool, std::string>> yes_no(std::string const& text) {
    auto const folded = knowledge::fold_case(trim_space(text));
    if (folded == "nej" || folded == "no") return std::pair{false, std::string()};
    for (std::string_view yes : {"ja", "yes"}) {
        if (folded.starts_with(yes) && (folded.size() == yes.size() || std::string(" :,.-").find(folded[yes.size()]) != std::string::npos)) {
            auto rest = trim_space(text).substr(yes.size());
            while (!rest.empty() && std::string(" :,.-").find(rest.front()) != std::string::npos) rest.erase(0, 1);
            return std::pair{true, trim_space(rest)};
        }
    }
    return std::nullopt;
}

bool starts(std::string const& folded, std::initializer_list<char const*> prefixes, std::string& rest) {
    for (auto const* p : prefixes) {
        if (folded.starts_with(p)) {
            rest = trim_space(folded.substr(std::string_view(p).size()));
            while (!rest.empty() && (rest.back() == '?' || rest.back() == '.')) rest.pop_back();
            return true;
        }
    }
    return false;
}

/// "ret punkt 2", "correct item 2": the item number; nullopt otherwise.
std::optional<int> item_to_correct(std::string const& bare) {
    static std::regex const pattern("^(?:ret|rediger|gennemgå) punkt (\\d{1,3})$|^(?:correct|edit|review) item (\\d{1,3})$");
    std::smatch m;
    if (!std::regex_match(bare, m, pattern)) return std::nullopt;
    return std::stoi(m[1].matched ? m[1].str() : m[2].str());
}

/// "hvilke releases er der?", "which releases are there?", "vis releases", "releases".
bool asks_for_releases(std::string const& folded) {
    auto const line = trim_space(folded);
    for (auto const* phrase : {"hvilke releases", "which releases", "what releases"}) {
        if (line.find(phrase) != std::string::npos) return true;
    }
    for (auto const* whole : {"releases", "vis releases", "list releases", "show releases", "alle releases", "all releases"}) {
        if (line == whole || line == std::string(whole) + "?") return true;
    }
    return false;
}

adapters::Form item_form(Language lang) {
    auto const da = lang == Language::da;
    std::vector<std::pair<std::string, std::string>> const effects =
        da ? std::vector<std::pair<std::string, std::string>>{{"ingen", "ingen"}, {"lav", "lav"}, {"middel", "middel"}, {"høj", "høj"}}
           : std::vector<std::pair<std::string, std::string>>{{"ingen", "none"}, {"lav", "low"}, {"middel", "medium"}, {"høj", "high"}};
    std::vector<std::pair<std::string, std::string>> const yes_no_choices = {{"nej", da ? "nej" : "no"}, {"ja", da ? "ja" : "yes"}};
    adapters::Form form;
    form.fields = {{"effect", da ? "Effekt på arbejdsgange" : "Effect on workflows", adapters::FormField::Kind::choice, 10, effects, ""},
                   {"local_config", da ? "Lokal konfiguration" : "Local configuration", adapters::FormField::Kind::choice, 10, yes_no_choices, "nej"},
                   {"local_config_what", da ? "Hvad skal konfigureres" : "What needs configuring", adapters::FormField::Kind::line, 500, {}, ""},
                   {"communication", da ? "Besked til slutbrugere" : "Tell the end users", adapters::FormField::Kind::choice, 10, yes_no_choices, "nej"},
                   {"communication_how", da ? "Hvordan" : "How", adapters::FormField::Kind::line, 500, {}, ""},
                   {"note", "Note", adapters::FormField::Kind::text, 2000, {}, ""}};
    // Optional fields are allowed to stay empty on the card; the checks below say what is missing.
    form.submit_label = da ? "Gem punktet" : "Save the item";
    form.submit_command = da ? "gennemgang formular" : "review form";
    return form;
}

}  // namespace

ReleaseDesk::ReleaseDesk(storage::Database& db, directory::DirectoryService& directory, std::vector<int> reminder_offsets_days,
                         std::vector<MunicipalityChannel> channels)
    : db_(db), directory_(directory), registry_(db), reviews_(db), mutes_(db),
      planner_(db, directory, std::move(reminder_offsets_days), std::move(channels)) {}

std::optional<ChatReply> ReleaseDesk::registration(adapters::ChatMessage const& message, std::string const& folded) {
    Key const key{message.platform, message.sender.user_id};
    if (auto confirming = confirming_.find(key); confirming != confirming_.end()) {
        auto const release = confirming->second;
        confirming_.erase(confirming);
        if (folded != "ja" && folded != "yes") return text_reply(texts::registration_cancelled());
        try {
            // One transaction: the release is never stored with only some announcements queued.
            storage::Release added;
            std::size_t announced = 0;
            db_.write_all_or_nothing([&] {
                added = registry_.add(release);
                announced = planner_.announce(added, std::chrono::system_clock::now());
            });
            return text_reply(texts::registered(added, announced));
        } catch (BotError const& e) {
            if (e.kind() != BotError::Kind::user_facing) throw;
            return text_reply(std::string(e.what()) + ". " + texts::nothing_registered());
        }
    }
    if (auto pending = registering_.find(key); pending != registering_.end()) {
        auto release = pending->second;
        registering_.erase(pending);
        if (folded == "annuller" || folded == "cancel") return text_reply(texts::registration_cancelled());
        release.notes = message.text;
        try {
            auto const preview = registry_.prepare(release);
            auto const reach = planner_.announcement_reach();
            auto const unusual = unusual_release_date(preview.release_date, copenhagen_time(utc_timestamp()).substr(0, 10));
            confirming_[key] = std::move(release);
            auto reply = text_reply(texts::registration_preview(preview, reach.recipients, reach.municipalities, reach.example_municipality, unusual));
            reply.actions = {{"Ja, registrér", "ja"}, {"Nej", "nej"}};
            return reply;
        } catch (BotError const& e) {
            if (e.kind() != BotError::Kind::user_facing) throw;
            return text_reply(std::string(e.what()) + ". " + texts::nothing_registered());
        }
    }
    // "registrer release DUBU 3.5 dato 2026-12-01 frist 2026-12-15"
    static std::regex const command("^(?:registrer release|register release) (.+) (?:dato|date) (\\S+) (?:frist|deadline) (\\S+)$");
    std::smatch m;
    auto const line = trim_space(folded);
    if (!line.starts_with("registrer release ") && !line.starts_with("register release ")) return std::nullopt;
    if (!std::regex_match(line, m, command)) return std::nullopt;
    auto const standing = change_requests::standing_of(directory_, message.platform, message.sender);
    if (!standing.coordinator) return text_reply(texts::only_coordinators());
    // The name as typed, from the original text: between the command words and " dato"/" date".
    auto const original = trim_space(message.text);
    std::string lowered = original;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto const prefix = std::string_view(line.starts_with("register ") ? "register release" : "registrer release").size();
    auto const until = lowered.rfind(line.starts_with("register ") ? " date " : " dato ");
    auto const name = until != std::string::npos && until > prefix ? trim_space(original.substr(prefix, until - prefix)) : m[1].str();
    NewRelease release{name, m[2].str(), m[3].str(), "", standing.asker.person ? standing.asker.person->name : message.sender.display_name};
    try {
        registry_.check_before_notes(release);
    } catch (BotError const& e) {
        if (e.kind() != BotError::Kind::user_facing) throw;
        return text_reply(std::string(e.what()) + ". " + texts::nothing_registered());
    }
    registering_[key] = std::move(release);
    return text_reply(texts::send_notes(name));
}

std::optional<ChatReply> ReleaseDesk::answer(adapters::ChatMessage const& message, std::string const& folded, Language lang,
                                             bool dialog_may_answer) {
    Key const key{message.platform, message.sender.user_id};
    std::string rest;
    if (folded == "stop påmindelser" || folded == "stop reminders") {
        // Under the id reminders are addressed to, so the planner finds it.
        return text_reply(texts::muted(lang, mutes_.mute(message.platform, message.sender.person_id(), utc_timestamp())));
    }
    if (folded == "start påmindelser" || folded == "start reminders") {
        return text_reply(texts::unmuted(lang, mutes_.unmute(message.platform, message.sender.person_id())));
    }
    if (auto reply = registration(message, folded)) return reply;
    if (starts(folded, {"gennemgå ", "review "}, rest) && !rest.empty()) return start(message, rest, folded.starts_with("review") ? Language::en : Language::da);
    if (starts(folded, {"status på ", "status of ", "status for "}, rest)) {
        auto const asked_in = folded.starts_with("status of") ? Language::en : folded.starts_with("status på") ? Language::da : lang;
        if (auto release = find_release(rest)) return status(message, release->name, asked_in);
        if (auto near = near_release(rest)) {
            auto reply = text_reply(texts::did_you_mean_release(asked_in, rest, *near));
            reply.actions.push_back({bot::texts::yes_name(asked_in, *near), (asked_in == Language::da ? "status på " : "status of ") + *near});
            return reply;
        }
    }
    if (asks_for_releases(folded)) {
        bool const english = folded.starts_with("which") || folded.starts_with("what") || folded.starts_with("list") ||
                             folded.starts_with("show") || folded.starts_with("all");
        return list(message, english ? Language::en : Language::da);
    }

    auto const bare = trim_space(folded);
    bool const resume = bare == "fortsæt" || bare == "continue";
    auto it = sessions_.find(key);
    if (bare == "gennemgå" || bare == "gennemgang" || bare == "review" || (resume && it != sessions_.end())) {
        if (it != sessions_.end()) return ask_again(it->second);
        return start_unnamed(message, bare == "review" ? Language::en : Language::da);
    }
    if (resume) {
        // No review open: the last one the sender stopped, when there is one.
        if (auto last = last_release_.find(key); last != last_release_.end()) return start(message, last->second, lang);
        return std::nullopt;
    }
    if (auto n = item_to_correct(bare); n && it == sessions_.end()) {
        auto const last = last_release_.find(key);
        if (last == last_release_.end()) return text_reply(texts::correct_item_needs_review(lang));
        return start(message, last->second, lang, n);
    }
    if (it == sessions_.end() || !dialog_may_answer) return std::nullopt;
    auto& session = it->second;
    if (folded == "stop" || folded == "annuller" || folded == "cancel") {
        auto const saved = session.saved;
        auto const l = session.lang;
        sessions_.erase(it);
        return text_reply(texts::review_stopped(l, saved));
    }
    if (folded == "spring over" || folded == "skip") {
        ++session.item;  // the next open item after this one
        return next_item(key, session);
    }
    if (session.step != Step::overwrite && (bare == "tilbage" || bare == "back")) return go_back(session);
    if (auto n = item_to_correct(bare)) return reopen(session, *n);
    if ((folded == "gennemgang formular" || folded == "review form") && !message.form_values.empty()) return form_answer(key, session, message);
    return step_answer(key, session, message);
}

std::optional<storage::Release> ReleaseDesk::find_release(std::string const& name) {
    if (auto exact = registry_.find(name)) return exact;
    auto const squeezed = [](std::string const& text) {
        std::string out;
        for (char c : release_key(text)) {
            if (c != ' ') out += c;
        }
        if (out.starts_with("dubu")) out.erase(0, 4);
        return out;
    };
    auto const wanted = squeezed(name);
    if (wanted.empty()) return std::nullopt;
    std::optional<storage::Release> found;
    for (auto const& r : registry_.store().all()) {
        if (squeezed(r.name) != wanted) continue;
        if (found) return std::nullopt;  // two fit: the user must say which
        found = r;
    }
    if (found) return registry_.find(found->name);  // with its items
    return std::nullopt;
}

std::optional<std::string> ReleaseDesk::near_release(std::string const& typed) const {
    std::vector<std::string> names;
    for (auto const& r : registry_.store().all()) names.push_back(r.name);
    return nearest_name(trim_space(typed), names);
}

std::optional<std::string> ReleaseDesk::dialog_note(adapters::ChatMessage const& message) const {
    auto const it = sessions_.find({message.platform, message.sender.user_id});
    if (it == sessions_.end()) return std::nullopt;
    return texts::review_paused(it->second.lang, it->second.release_name, it->second.item);
}

ChatReply ReleaseDesk::ask_again(Session const& session) {
    auto const lang = session.lang;
    switch (session.step) {
        case Step::effect: {
            auto const release = registry_.find(session.release_name);
            for (auto const& item : release->items) {
                if (item.number != session.item) continue;
                auto reply = text_reply(texts::item_heading(lang, *release, item) + "\n\n" + texts::ask_effect(lang) + "\n" + texts::controls(lang));
                reply.form = item_form(lang);
                return reply;
            }
            return text_reply(texts::ask_effect(lang));
        }
        case Step::local_config: return text_reply(texts::ask_local_config(lang));
        case Step::local_config_what: return text_reply(texts::ask_local_config_what(lang));
        case Step::communication: return text_reply(texts::ask_communication(lang));
        case Step::communication_how: return text_reply(texts::ask_communication_how(lang));
        case Step::note: return text_reply(texts::ask_note(lang));
        case Step::overwrite: return text_reply(session.colleague ? texts::ask_overwrite(lang, *session.colleague) : texts::ask_effect(lang));
    }
    return text_reply(texts::ask_effect(lang));
}

std::optional<storage::ItemReview> ReleaseDesk::answer_of(Session const& session, int item) const {
    for (auto const& r : reviews_.of_municipality(session.release_id, session.municipality.id)) {
        if (r.item_number == item) return r;
    }
    return std::nullopt;
}

ChatReply ReleaseDesk::go_back(Session& session) {
    auto const lang = session.lang;
    switch (session.step) {
        case Step::effect:
            if (session.last_saved > 0) return reopen(session, session.last_saved);
            return text_reply(texts::nothing_to_go_back_to(lang) + "\n\n" + ask_again(session).text);
        case Step::local_config: session.step = Step::effect; break;
        case Step::local_config_what: session.step = Step::local_config; break;
        case Step::communication: session.step = Step::local_config; break;
        case Step::communication_how: session.step = Step::communication; break;
        case Step::note: session.step = Step::communication; break;
        case Step::overwrite: break;
    }
    auto reply = ask_again(session);
    reply.text = texts::went_back(lang) + "\n\n" + reply.text;
    return reply;
}

ChatReply ReleaseDesk::reopen(Session& session, int item) {
    auto const release = registry_.find(session.release_name);
    auto const lang = session.lang;
    if (item < 1 || static_cast<std::size_t>(item) > release->items.size()) return text_reply(texts::no_such_item(lang, item, release->items.size()));
    session.item = item;
    session.step = Step::effect;
    session.colleague.reset();
    session.review = {};
    session.review.release_id = session.release_id;
    session.review.municipality_id = session.municipality.id;
    session.review.item_number = item;
    auto reply = ask_again(session);
    if (auto existing = answer_of(session, item)) reply.text = texts::existing_answer(lang, *existing) + "\n\n" + reply.text;
    return reply;
}

ChatReply ReleaseDesk::start_unnamed(adapters::ChatMessage const& message, Language lang) {
    Key const key{message.platform, message.sender.user_id};
    if (auto last = last_release_.find(key); last != last_release_.end()) return start(message, last->second, lang);
    auto const standing = change_requests::standing_of(directory_, message.platform, message.sender);
    if (standing.asker.municipality) {
        std::vector<std::string> open;
        for (auto const& r : registry_.store().all()) {
            auto const release = registry_.find(r.name);
            auto const p = municipality_progress(*release, *standing.asker.municipality, reviews_.of_municipality(r.id, standing.asker.municipality->id));
            if (!p.missing.empty()) open.push_back(r.name);
        }
        if (open.size() == 1) return start(message, open.front(), lang);
    }
    return list(message, lang);
}

ChatReply ReleaseDesk::list(adapters::ChatMessage const& message, Language lang) {
    auto const all = registry_.store().all();
    if (all.empty()) return text_reply(texts::no_releases(lang));
    auto const standing = change_requests::standing_of(directory_, message.platform, message.sender);
    std::vector<std::string> lines;
    for (auto const& r : all) {
        std::string line = r.name + (lang == Language::da ? " (frist " : " (due ") + r.deadline + ")";
        if (standing.asker.municipality) {
            auto const release = registry_.find(r.name);
            auto const p = municipality_progress(*release, *standing.asker.municipality, reviews_.of_municipality(r.id, standing.asker.municipality->id));
            line += ": " + texts::progress_line(lang, p.municipality.name, p.reviewed, p.total, p.missing);
        }
        lines.push_back(std::move(line));
    }
    return text_reply(texts::release_list(lang, lines, all.front().name));
}

ChatReply ReleaseDesk::start(adapters::ChatMessage const& message, std::string const& name, Language lang, std::optional<int> reopen_item) {
    auto const release = find_release(name);
    if (!release) {
        auto const near = near_release(name);
        if (!near) return text_reply(texts::unknown_release(lang, name));
        auto reply = text_reply(texts::did_you_mean_release(lang, name, *near));
        reply.actions.push_back({bot::texts::yes_name(lang, *near), (lang == Language::da ? "gennemgå " : "review ") + *near});
        return reply;
    }
    auto const standing = change_requests::standing_of(directory_, message.platform, message.sender);
    if (!standing.may_submit() || !standing.asker.municipality) return text_reply(texts::not_allowed(lang));
    Key const key{message.platform, message.sender.user_id};
    Session session;
    session.release_id = release->id;
    session.release_name = release->name;
    session.municipality = *standing.asker.municipality;
    session.item = 1;
    session.lang = lang;
    session.reviewer = standing.asker.person ? standing.asker.person->name : message.sender.display_name;
    auto& stored = sessions_[key] = session;
    last_release_[key] = release->name;
    // "ret punkt 2" after the review stopped: that item, even when every item is answered.
    if (reopen_item) return reopen(stored, *reopen_item);
    return next_item(key, stored);
}

ChatReply ReleaseDesk::next_item(Key const& key, Session& session, std::string const& before) {
    auto const release = registry_.find(session.release_name);
    auto const done = reviews_.of_municipality(session.release_id, session.municipality.id);
    auto const progress = municipality_progress(*release, session.municipality, done);
    // The first open item from the current position on; the ones skipped come round again.
    std::optional<storage::ReleaseItem> next;
    for (auto const& item : release->items) {
        bool const open = std::find(progress.missing.begin(), progress.missing.end(), item.number) != progress.missing.end();
        if (open && item.number >= session.item) {
            next = item;
            break;
        }
    }
    if (!next && !progress.missing.empty()) {
        for (auto const& item : release->items) {
            if (item.number == progress.missing.front()) next = item;
        }
    }
    if (!next) {
        auto const lang = session.lang;
        auto reply = text_reply((before.empty() ? "" : before + "\n\n") + texts::all_reviewed(lang, release->name, session.municipality.name));
        sessions_.erase(key);
        return reply;
    }
    session.item = next->number;
    session.step = Step::effect;
    session.review = {};
    session.review.release_id = session.release_id;
    session.review.municipality_id = session.municipality.id;
    session.review.item_number = next->number;
    ChatReply reply;
    reply.text = (before.empty() ? "" : before + "\n\n") + texts::item_heading(session.lang, *release, *next) + "\n\n" +
                 texts::ask_effect(session.lang) + "\n" + texts::controls(session.lang);
    reply.form = item_form(session.lang);
    return reply;
}

ChatReply ReleaseDesk::step_answer(Key const& key, Session& session, adapters::ChatMessage const& message) {
    auto const lang = session.lang;
    auto const text = trim_space(message.text);
    auto& r = session.review;
    switch (session.step) {
        case Step::effect: {
            auto effect = effect_named(knowledge::fold_case(text));
            if (!effect) return text_reply(texts::bad_effect(lang));
            r.effect = *effect;
            session.step = Step::local_config;
            return text_reply(texts::ask_local_config(lang));
        }
        case Step::local_config: {
            auto answer = yes_no(text);
            if (!answer) return text_reply(texts::bad_yes_no(lang));
            r.local_config = answer->first;
            r.local_config_what = answer->second;
            session.step = r.local_config && r.local_config_what.empty() ? Step::local_config_what : Step::communication;
            return text_reply(session.step == Step::local_config_what ? texts::ask_local_config_what(lang) : texts::ask_communication(lang));
        }
        case Step::local_config_what:
            if (text.empty()) return text_reply(texts::ask_local_config_what(lang));
            r.local_config_what = text;
            session.step = Step::communication;
            return text_reply(texts::ask_communication(lang));
        case Step::communication: {
            auto answer = yes_no(text);
            if (!answer) return text_reply(texts::bad_yes_no(lang));
            r.communication = answer->first;
            r.communication_how = answer->second;
            session.step = r.communication && r.communication_how.empty() ? Step::communication_how : Step::note;
            return text_reply(session.step == Step::communication_how ? texts::ask_communication_how(lang) : texts::ask_note(lang));
        }
        case Step::communication_how:
            if (text.empty()) return text_reply(texts::ask_communication_how(lang));
            r.communication_how = text;
            session.step = Step::note;
            return text_reply(texts::ask_note(lang));
        case Step::note:
            r.note = text == "-" ? "" : text;
            return save_and_go_on(key, session);
        case Step::overwrite: {
            auto answer = yes_no(text);
            if (!answer) return text_reply(texts::bad_yes_no(lang));
            if (answer->first) {
                session.colleague.reset();
                return save_and_go_on(key, session, true);
            }
            auto const kept = session.item;
            auto const colleague = session.colleague ? session.colleague->reviewed_by : std::string();
            session.colleague.reset();
            session.item = kept + 1;
            return next_item(key, session, texts::kept_colleagues_answer(lang, kept, colleague));
        }
    }
    return text_reply(texts::bad_effect(lang));
}

ChatReply ReleaseDesk::form_answer(Key const& key, Session& session, adapters::ChatMessage const& message) {
    auto const lang = session.lang;
    auto value = [&](char const* field) {
        auto it = message.form_values.find(field);
        return it == message.form_values.end() ? std::string() : trim_space(it->second);
    };
    std::string problems;
    auto effect = effect_named(knowledge::fold_case(value("effect")));
    if (!effect) problems += "\n- " + texts::bad_effect(lang);
    bool const config = knowledge::fold_case(value("local_config")) == "ja";
    bool const tell = knowledge::fold_case(value("communication")) == "ja";
    if (config && value("local_config_what").empty()) problems += "\n- " + texts::ask_local_config_what(lang);
    if (tell && value("communication_how").empty()) problems += "\n- " + texts::ask_communication_how(lang);
    if (!problems.empty()) {
        auto reply = text_reply(texts::form_problems(lang) + problems);
        reply.form = item_form(lang);
        for (auto& f : reply.form->fields) f.value = value(f.id.c_str());
        return reply;
    }
    auto& r = session.review;
    r.effect = *effect;
    r.local_config = config;
    r.local_config_what = config ? value("local_config_what") : "";
    r.communication = tell;
    r.communication_how = tell ? value("communication_how") : "";
    r.note = value("note");
    return save_and_go_on(key, session);
}

ChatReply ReleaseDesk::save_and_go_on(Key const& key, Session& session, bool overwrite_confirmed) {
    // A colleague answered this item meanwhile (or before "ret punkt N"): show it and ask first.
    if (!overwrite_confirmed) {
        if (auto existing = answer_of(session, session.item); existing && existing->reviewed_by != session.reviewer) {
            session.colleague = existing;
            session.step = Step::overwrite;
            auto reply = text_reply(texts::ask_overwrite(session.lang, *existing));
            reply.actions = {{session.lang == Language::da ? "Ja, erstat" : "Yes, replace", session.lang == Language::da ? "ja" : "yes"},
                             {session.lang == Language::da ? "Nej, behold" : "No, keep", session.lang == Language::da ? "nej" : "no"}};
            return reply;
        }
    }
    session.review.reviewed_by = session.reviewer;
    session.review.reviewed_at = utc_timestamp();
    reviews_.save(session.review);
    ++feature_counters().reviews_saved;
    ++session.saved;
    session.last_saved = session.item;
    auto const saved_item = session.item;
    session.item = saved_item + 1;
    auto const lang = session.lang;
    return next_item(key, session, lang == Language::da ? "Punkt " + std::to_string(saved_item) + " er gemt." : "Item " + std::to_string(saved_item) + " is saved.");
}

ChatReply ReleaseDesk::status(adapters::ChatMessage const& message, std::string const& name, Language lang) {
    auto const release = registry_.find(name);
    auto const standing = change_requests::standing_of(directory_, message.platform, message.sender);
    auto const all = reviews_.of_release(release->id);
    std::string text = "**" + release->name + "** (" + (lang == Language::da ? "frist " : "due ") + release->deadline + ")";
    if (standing.asker.municipality) {
        auto const p = municipality_progress(*release, *standing.asker.municipality, all);
        text += "\n" + texts::progress_line(lang, p.municipality.name, p.reviewed, p.total, p.missing);
        for (auto const& item : release->items) {
            auto const found = std::find_if(all.begin(), all.end(), [&](storage::ItemReview const& r) {
                return r.municipality_id == standing.asker.municipality->id && r.item_number == item.number;
            });
            text += "\n- #" + std::to_string(item.number) + " " + item.title + ": " +
                    (found == all.end() ? texts::not_answered(lang) : texts::answered_by(lang, *found));
        }
    }
    if (standing.coordinator) {
        auto const network = network_progress(*release, reviewers_of(directory_.store()), all);
        text += "\n\n" + texts::network_heading(lang, network.complete(), network.municipalities.size());
        for (auto const& m : network.municipalities) text += "\n- " + texts::progress_line(lang, m.municipality.name, m.reviewed, m.total, m.missing);
        if (!network.without_superbrugere.empty()) text += "\n- " + texts::without_superbrugere(lang, join(network.without_superbrugere));
        for (auto const& i : network.items) {
            text += "\n- #" + std::to_string(i.item.number) + " " + i.item.title + ": " + std::to_string(i.rated_high) + (lang == Language::da ? " × høj" : " × high");
            if (!i.local_configuration.empty()) text += lang == Language::da ? ", lokal konfiguration: " : ", local configuration: ";
            text += join(i.local_configuration, "; ");
        }
    }
    return text_reply(text);
}

}  // namespace superbruger::bot::releases
