// DirectoryChanges: parsing "sæt/fjern <person> som <rolle> [i <kommune>]", permissions, and
// the confirmation before a systemansvarlig is replaced.
#include "bot/directory/directory_changes.hpp"

#include "bot/texts.hpp"
#include "bot/time_format.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/error.hpp"

namespace superbruger::bot::directory {

namespace {

using knowledge::Language;
constexpr auto confirmation_lifetime = std::chrono::minutes(15);

struct ChangeRequest {
    bool remove = false;
    std::string person_text;  ///< as written, e.g. "Ole Hansen ole@korsbaek.dk"
    std::string role_text;
    std::string municipality_text;  ///< empty: the asker's own
};

std::string trimmed(std::string_view s) {
    auto const first = s.find_first_not_of(" \t.,!?");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t.,!?") - first + 1));
}

/// Reads the case-folded text: names are matched folded anyway, and a new person's name is
/// capitalised again from it.
std::optional<ChangeRequest> parse(std::string const& folded) {
    ChangeRequest r;
    std::string_view rest = folded;
    bool matched = false;
    for (auto [verb, remove] : {std::pair{"sæt ", false}, {"tilføj ", false}, {"set ", false}, {"add ", false},
                                {"fjern ", true}, {"remove ", true}}) {
        if (rest.starts_with(verb)) {
            rest.remove_prefix(std::string_view(verb).size());
            r.remove = remove;
            matched = true;
            break;
        }
    }
    if (!matched) return std::nullopt;
    std::size_t as = std::string_view::npos;
    for (auto word : {" som ", " as "}) {
        if (auto at = rest.find(word); at != std::string_view::npos) {
            as = at;
            r.person_text = trimmed(rest.substr(0, at));
            rest.remove_prefix(at + std::string_view(word).size());
            break;
        }
    }
    if (as == std::string_view::npos || r.person_text.empty()) return std::nullopt;
    for (auto word : {" i ", " in ", " fra ", " from "}) {
        if (auto at = rest.rfind(word); at != std::string_view::npos) {
            r.municipality_text = trimmed(rest.substr(at + std::string_view(word).size()));
            rest = rest.substr(0, at);
            break;
        }
    }
    r.role_text = trimmed(rest);
    return r;
}

std::string email_in(std::string const& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        auto token = text.substr(start, end - start);
        if (token.find('@') != std::string::npos) return trimmed(token);
        start = end + 1;
    }
    return {};
}

/// "ole hansen ole@korsbaek.dk" → "Ole Hansen": the name part, capitalised word by word, for a
/// person the directory does not know yet.
std::string name_before_email(std::string const& text, std::string const& email) {
    auto name = trimmed(text.substr(0, text.find(email)));
    bool start = true;
    for (auto& c : name) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return name;
}

}  // namespace

std::optional<adapters::ChatReply> DirectoryChanges::handle(adapters::ChatMessage const& message, std::string const& folded,
                                                            Language lang) {
    adapters::ChatReply reply;
    auto const key = std::pair{message.platform, message.sender.user_id};
    auto const now = std::chrono::steady_clock::now();
    auto& store = directory_.store();
    // Who asks is looked up only for a change: most messages are questions, and this is their path.
    auto change_by = [&](Asker const& asker) {
        auto const timestamp = utc_timestamp();
        return storage::Change{asker.person ? asker.person->email : message.platform + ":" + message.sender.user_id,
                               timestamp, copenhagen_time(timestamp).substr(0, 10)};  // the day as Danes count it
    };

    if (auto it = confirmations_.find(key); it != confirmations_.end()) {
        auto pending = std::move(it->second);
        confirmations_.erase(it);
        auto const answer = trimmed(folded);
        bool const yes = answer == "ja" || answer == "yes";
        if (now - pending.asked < confirmation_lifetime && (yes || answer == "nej" || answer == "no")) {
            if (!yes) {
                reply.text = texts::replacement_cancelled(lang);
                return reply;
            }
            store.assign(pending.person_id, pending.municipality.id, pending.role, "DUBU",
                         storage::RoleDirectory::AssignMode::replace_current_holder,
                         change_by(directory_.identify(message.platform, message.sender)));
            auto const info = directory_.roles().by_id(pending.role);
            reply.text = texts::change_done(lang, pending.person_name, info ? info->title : pending.role, pending.municipality.name);
            return reply;
        }
    }

    auto const request = parse(folded);
    if (!request) return std::nullopt;
    auto const asker = directory_.identify(message.platform, message.sender);
    auto const change = change_by(asker);
    auto const role = directory_.roles().find(request->role_text);
    if (!role) {
        reply.text = texts::change_unknown_role(lang);
        return reply;
    }
    auto municipality = request->municipality_text.empty() ? asker.municipality
                                                           : directory_.municipality_named(request->municipality_text);
    if (!municipality) {
        reply.text = texts::change_which_municipality(lang);
        return reply;
    }
    if (!asker.person) {
        reply.text = texts::change_needs_known_asker(lang);
        return reply;
    }
    auto const systemansvarlige = store.current_holders(municipality->id, "systemansvarlig");
    bool allowed = asker.person->coordinator;
    for (auto const& a : systemansvarlige) allowed |= a.person.id == asker.person->id;
    if (!allowed) {
        reply.text = texts::change_not_allowed(lang, municipality->name, systemansvarlige.empty() ? "" : systemansvarlige[0].person.name);
        return reply;
    }

    auto const email = email_in(request->person_text);
    auto person = email.empty() ? directory_.person_named_in(request->person_text) : store.person_with_email(email);
    if (!person && !email.empty() && !request->remove) {
        auto const name = name_before_email(request->person_text, email);
        if (!name.empty()) person = store.save_person({0, name, email, "", municipality->id, false}, change);
    }
    if (!person) {
        reply.text = texts::change_unknown_person(lang);
        return reply;
    }

    auto const holders = store.current_holders(municipality->id, role->id);
    if (request->remove) {
        for (auto const& a : holders) {
            if (a.person.id != person->id) continue;
            store.end_assignment(a.id, change);
            reply.text = texts::change_removed(lang, person->name, role->title, municipality->name);
            return reply;
        }
        reply.text = texts::change_not_holding(lang, person->name, role->title, municipality->name);
        return reply;
    }
    for (auto const& a : holders) {
        if (a.person.id == person->id) {
            reply.text = texts::change_already(lang, person->name, role->title, municipality->name);
            return reply;
        }
    }
    if (role->id == "systemansvarlig" && !holders.empty()) {
        confirmations_[key] = {person->id, person->name, *municipality, role->id, now};
        reply.text = texts::confirm_replacement(lang, municipality->name, holders[0].person.name, person->name);
        reply.actions = texts::yes_no_actions(lang);
        return reply;
    }
    store.assign(person->id, municipality->id, role->id, "DUBU", storage::RoleDirectory::AssignMode::add, change);
    reply.text = texts::change_done(lang, person->name, role->title, municipality->name);
    return reply;
}

}  // namespace superbruger::bot::directory
