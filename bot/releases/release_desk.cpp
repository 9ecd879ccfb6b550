// ReleaseDesk: the review dialog, the progress view and the reminder switch.
#include "bot/releases/release_desk.hpp"
#include "bot/feature_counters.hpp"

#include "bot/change_requests/standing.hpp"
#include "bot/error.hpp"
#include "bot/releases/release_texts.hpp"
#include "bot/releases/review_progress.hpp"
#include "bot/join.hpp"
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

ChatReply text_reply(std::string text) {
    ChatReply r;
    r.text = std::move(text);
    return r;
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

ReleaseDesk::ReleaseDesk(storage::Database& db, directory::DirectoryService& directory, std::vector<int> reminder_offsets_days)
    : db_(db), directory_(directory), registry_(db), reviews_(db), mutes_(db), planner_(db, directory, std::move(reminder_offsets_days)) {}

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

std::optional<ChatReply> ReleaseDesk::answer(adapters::ChatMessage const& message, std::string const& folded, Language lang) {
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
    if (starts(folded, {"status på ", "status of ", "status for "}, rest) && registry_.find(rest)) return status(message, rest, lang);

    auto it = sessions_.find(key);
    if (it == sessions_.end()) return std::nullopt;
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
    if ((folded == "gennemgang formular" || folded == "review form") && !message.form_values.empty()) return form_answer(key, session, message);
    return step_answer(key, session, message);
}

ChatReply ReleaseDesk::start(adapters::ChatMessage const& message, std::string const& name, Language lang) {
    auto const release = registry_.find(name);
    if (!release) return text_reply(texts::unknown_release(lang, name));
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

ChatReply ReleaseDesk::save_and_go_on(Key const& key, Session& session) {
    session.review.reviewed_by = session.reviewer;
    session.review.reviewed_at = utc_timestamp();
    reviews_.save(session.review);
    ++feature_counters().reviews_saved;
    ++session.saved;
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
