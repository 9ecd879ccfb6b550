// DirectoryAnswers: reading the intent of a question about people, and the replies.
#include "bot/directory/directory_answers.hpp"

#include "bot/near_names.hpp"
#include "bot/texts.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"

#include <algorithm>

namespace superbruger::bot::directory {

namespace {

using knowledge::Language;
constexpr auto pending_lifetime = std::chrono::minutes(30);

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes) {
        if (text.starts_with(p)) return true;
    }
    return false;
}

bool mentions_any(std::string_view text, std::initializer_list<std::string_view> words) {
    for (auto w : words) {
        if (contains_phrase(text, w)) return true;
    }
    return false;
}

/// "vores", "our": the asker's own municipality. ("vi" alone is not enough: "hvem er
/// superbruger, når vi går i drift?" asks about the role, not about people.)
/// The place a question names at its end: "roskild" in "hvem er systemansvarlig i roskild?".
std::string place_named_in(std::string const& folded) {
    std::size_t at = std::string::npos;
    std::size_t skip = 0;
    for (std::string_view marker : {" i ", " in ", " for "}) {
        auto const found = folded.rfind(marker);
        if (found != std::string::npos && (at == std::string::npos || found > at)) {
            at = found;
            skip = marker.size();
        }
    }
    if (at == std::string::npos) return {};
    auto place = trim_space(folded.substr(at + skip));
    while (!place.empty() && std::string("?!. ").find(place.back()) != std::string::npos) place.pop_back();
    for (std::string_view suffix : {" kommune", " municipality"}) {
        if (place.ends_with(suffix)) place.resize(place.size() - suffix.size());
    }
    if (place.empty() || place.find(' ') != std::string::npos || place.size() > 40) return {};
    return place;
}

/// "i Næstved Kommune", "in Næstved municipality": the place of place_named_in when the question
/// itself calls it a municipality and writes it as a name (capitalised, so not "in the
/// municipality" nor "i vores kommune"), as the asker wrote it; else "".
std::string municipality_named_as_such(std::string const& folded, std::string const& text) {
    auto const place = place_named_in(folded);
    // Folding that changed the length would put the asker's letters elsewhere.
    if (place.empty() || folded.size() != text.size()) return {};
    for (std::string_view suffix : {" kommune", " municipality"}) {
        auto const phrase = place + std::string(suffix);
        auto const at = folded.rfind(phrase);
        if (at == std::string::npos) continue;
        // Capitalised: the first letter is not the same bytes before and after folding.
        auto const lead = static_cast<unsigned char>(text[at]);
        std::size_t const letter = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        if (text.compare(at, letter, folded, at, letter) != 0) return text.substr(at, phrase.size());
    }
    return {};
}

std::vector<std::string> municipality_names(DirectoryService& directory) {
    std::vector<std::string> names;
    for (auto const& m : directory.store().municipalities()) names.push_back(m.name);
    return names;
}

bool asks_about_own(std::string_view folded) { return mentions_any(folded, {"vores", "our", "min", "my"}); }

bool asks_who_holds(std::string_view folded) {
    return starts_with_any(folded, {"hvem er ", "hvem har ", "hvem sidder ", "hvem varetager ", "hvad er navnet på ", "hvad hedder ",
                                    "who is ", "who are ", "who's ", "who holds ", "who has ", "what is the name of ",
                                    "what's the name of "});
}

bool asks_missing_roles(std::string_view folded) {
    return (contains_phrase(folded, "mangler") && mentions_any(folded, {"roller", "rolle", "nogen", "nogle"})) ||
           mentions_any(folded, {"missing roles", "roles are missing", "roles missing", "unfilled roles", "roles are we missing"});
}

constexpr std::string_view person_roles_openings[] = {"hvilke roller har ", "hvad er rollerne for ", "what roles does ", "which roles does ",
                                                      "what roles has ", "which roles has "};

bool asks_roles_of_person(std::string_view folded) {
    return std::any_of(std::begin(person_roles_openings), std::end(person_roles_openings), [&](auto o) { return folded.starts_with(o); });
}

/// The name typed in "hvilke roller har Sara Hom?" / "what roles does Sara Hom have?".
std::string person_typed_in(std::string_view folded) {
    for (auto const opening : person_roles_openings) {
        if (!folded.starts_with(opening)) continue;
        auto name = std::string(trim_space(folded.substr(opening.size())));
        while (!name.empty() && (name.back() == '?' || name.back() == '.' || name.back() == ' ')) name.pop_back();
        if (name.ends_with(" have")) name.resize(name.size() - 5);
        return std::string(trim_space(name));
    }
    return {};
}

std::vector<std::string> person_names(DirectoryService& directory) {
    std::vector<std::string> names;
    for (auto const& p : directory.store().people()) names.push_back(p.name);
    return names;
}

std::string role_line(Language lang, storage::Assignment const& a, bool with_contact) {
    std::string line = "- " + a.person.name;
    if (!a.person.title.empty()) line += ", " + a.person.title;
    if (with_contact && !a.person.email.empty()) line += " – " + a.person.email;
    return line + texts::since(lang, a.valid_from);
}

}  // namespace

std::optional<DirectoryAnswers::WhoToAsk> DirectoryAnswers::who_to_ask(adapters::ChatMessage const& message) {
    auto const asker = directory_.identify(message.platform, message.sender);
    if (!asker.municipality) return std::nullopt;
    WhoToAsk who{asker.municipality->name, {}};
    for (auto const& a : directory_.store().current_holders(asker.municipality->id, "systemansvarlig")) {
        // Contact details only for people who are in the directory themselves (as the role answers).
        who.systemansvarlige.push_back(a.person.name + (asker.person && !a.person.email.empty() ? " (" + a.person.email + ")" : ""));
    }
    if (who.systemansvarlige.empty()) return std::nullopt;
    return who;
}

std::optional<adapters::ChatReply> DirectoryAnswers::answer(adapters::ChatMessage const& message, std::string const& folded,
                                                            Language lang) {
    if (auto change = changes_.handle(message, folded, lang)) return change;
    auto const key = std::pair{message.platform, message.sender.user_id};
    auto const now = std::chrono::steady_clock::now();
    if (auto it = waiting_.find(key); it != waiting_.end()) {
        auto pending = std::move(it->second);
        waiting_.erase(it);
        if (now - pending.asked < pending_lifetime) {
            auto municipality = directory_.municipality_named(message.text);
            if (!municipality) municipality = directory_.municipality_named_in(folded);
            if (municipality) {
                if (!message.sender.user_id.empty()) {
                    directory_.store().remember_asker(message.platform, message.sender.user_id, municipality->id);
                }
                auto reply = answer_question(message, knowledge::fold_case(pending.question), lang, municipality);
                if (reply) reply->text = texts::remembered_municipality(lang, municipality->name) + "\n\n" + reply->text;
                return reply;
            }
            // Not a municipality: treat it as a new message (a short word is likely a typo'd name).
            if (folded.find(' ') == std::string::npos && folded.size() < 30) {
                waiting_[key] = {std::move(pending.question), now};
                adapters::ChatReply reply;
                reply.text = texts::unknown_municipality_reply(lang);
                if (auto near = nearest_name(trim_space(message.text), municipality_names(directory_))) {
                    reply.text = texts::did_you_mean_municipality(lang, trim_space(message.text), *near);
                    reply.actions.push_back({*near, *near});
                }
                return reply;
            }
        }
    }
    return answer_question(message, folded, lang, std::nullopt);
}

std::optional<adapters::ChatReply> DirectoryAnswers::answer_question(adapters::ChatMessage const& message,
                                                                     std::string const& folded, Language lang,
                                                                     std::optional<storage::Municipality> told) {
    bool const missing = asks_missing_roles(folded);
    bool const person_roles = asks_roles_of_person(folded);
    auto const role = asks_who_holds(folded) ? directory_.roles().named_in(folded) : std::nullopt;
    if (!missing && !person_roles && !role) return std::nullopt;

    auto const asker = directory_.identify(message.platform, message.sender);
    bool const known_asker = asker.person.has_value();
    adapters::ChatReply reply;
    reply.footer = texts::directory_source(lang);

    if (person_roles) {
        auto const person = directory_.person_named_in(folded);
        if (!person) {
            // "hvilke roller har Sara Hom?": a name typed with a typo.
            auto const typed = person_typed_in(folded);
            auto const near = typed.empty() ? std::nullopt : nearest_name(typed, person_names(directory_));
            if (!near) return std::nullopt;  // a name the directory does not know: maybe a knowledge question
            reply.text = texts::did_you_mean_person(lang, typed, *near);
            reply.footer.clear();
            auto corrected = folded;
            corrected.replace(corrected.find(typed), typed.size(), knowledge::fold_case(*near));
            reply.actions.push_back({texts::yes_name(lang, *near), corrected});
            return reply;
        }
        auto const assignments = directory_.store().assignments_of(person->id);
        std::string text;
        for (auto const& a : assignments) {
            if (!a.valid_to.empty()) continue;
            auto const info = directory_.roles().by_id(a.role);
            text += "\n- " + texts::role_in(lang, info ? info->title : a.role, a.municipality.name) + " (" + a.system + ")" +
                    texts::since(lang, a.valid_from);
        }
        reply.text = text.empty() ? texts::person_has_no_roles(lang, person->name)
                                  : texts::person_roles_heading(lang, person->name) + text;
        return reply;
    }

    auto municipality = told ? told : directory_.municipality_named_in(folded);
    if (!municipality && (asks_about_own(folded) || missing)) municipality = asker.municipality;
    if (!municipality && !asks_about_own(folded) && !missing) {
        // "hvem er systemansvarlig i Roskild?": a municipality typed with a typo.
        if (auto typed = place_named_in(folded); !typed.empty()) {
            if (auto near = nearest_name(typed, municipality_names(directory_))) {
                reply.text = texts::did_you_mean_municipality(lang, typed, *near);
                reply.footer.clear();
                auto corrected = folded;
                corrected.replace(corrected.rfind(typed), typed.size(), knowledge::fold_case(*near));
                reply.actions.push_back({texts::yes_name(lang, *near), corrected});
                return reply;
            }
        }
    }
    if (!municipality && role) {
        // "hvem er superbruger i Næstved Kommune?": a question for the directory, which lacks
        // that municipality; the knowledge base may mention the place, never who holds a role.
        if (auto const named = municipality_named_as_such(folded, message.text); !named.empty()) {
            reply.text = texts::municipality_not_in_directory(lang, role->title, named) + "\n\n" + texts::how_to_register(lang);
            reply.confident = false;
            return reply;
        }
    }
    if (!municipality) {
        if (!asks_about_own(folded) && !missing) return std::nullopt;  // "hvem er systemansvarlig?": about the role
        waiting_[{message.platform, message.sender.user_id}] = {message.text, std::chrono::steady_clock::now()};
        reply.text = texts::ask_municipality(lang);
        reply.footer.clear();
        return reply;
    }

    if (missing) {
        auto const roles_missing = directory_.missing_roles(*municipality);
        if (roles_missing.empty()) {
            reply.text = texts::no_missing_roles(lang, municipality->name, municipality->phase);
            return reply;
        }
        reply.text = texts::missing_roles_heading(lang, municipality->name, municipality->phase);
        for (auto const& id : roles_missing) {
            auto const info = directory_.roles().by_id(id);
            reply.text += "\n- " + (info ? info->title : id);
            if (id == "systemejer") reply.text += " (" + texts::klik_name_of_systemejer(lang) + ")";
        }
        reply.text += "\n\n" + texts::how_to_register(lang);
        return reply;
    }

    auto const holders = directory_.store().current_holders(municipality->id, role->id);
    if (holders.empty()) {
        reply.text = texts::no_holder(lang, role->title, municipality->name);
        if ((role->id == "projektleder" || role->id == "projektejer") && municipality->phase >= 4) {
            reply.text += " " + texts::replaced_in_phase_4(lang, municipality->name);
        } else if (!role->intro.empty()) {
            reply.text += "\n\n" + role->intro.substr(0, 500);
        }
        reply.text += "\n\n" + texts::how_to_register(lang);
        return reply;
    }
    reply.text = texts::holders_heading(lang, role->title, municipality->name);
    for (auto const& a : holders) reply.text += "\n" + role_line(lang, a, known_asker);
    if (role->id == "systemejer") reply.text += "\n\n" + texts::klik_name_of_systemejer(lang);
    if (!known_asker) reply.text += "\n\n" + texts::contacts_hidden(lang);
    return reply;
}

}  // namespace superbruger::bot::directory
