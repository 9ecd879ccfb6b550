// ReleaseRegistry: checks, then one transaction.
#include "bot/releases/release_registry.hpp"

#include "bot/error.hpp"
#include "bot/releases/release_notes.hpp"
#include "bot/time_format.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/error.hpp"

#include <chrono>
#include <map>
#include <cstdio>

namespace superbruger::bot::releases {

namespace {

using knowledge::Language;

[[noreturn]] void refuse(std::string const& why) { throw BotError(BotError::Kind::user_facing, why); }
[[noreturn]] void refuse(Language lang, std::string const& da, std::string const& en) { refuse(lang == Language::da ? da : en); }

void check_date(std::string const& value, Language lang, char const* what_da, char const* what_en) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    bool const shaped = value.size() == 10 && value[4] == '-' && value[7] == '-' &&
                        std::sscanf(value.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3;
    if (!shaped || !std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                                std::chrono::day{static_cast<unsigned>(d)}}
                        .ok()) {
        refuse(lang, std::string(what_da) + " skal være en dato som 2026-12-01, ikke »" + value + "«",
               std::string(what_en) + " must be a date like 2026-12-01, not \"" + value + "\"");
    }
}

}  // namespace

std::string release_key(std::string const& name) {
    std::string out;
    for (char c : knowledge::fold_case(name)) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void ReleaseRegistry::check_before_notes(NewRelease const& r, Language lang) const {
    auto const key = release_key(r.name);
    if (key.empty() || r.name.size() > 60) {
        refuse(lang, "Navnet på releasen skal være 1 til 60 tegn, fx »DUBU 3.4«", "The release's name must be 1 to 60 characters, e.g. \"DUBU 3.4\"");
    }
    check_date(r.release_date, lang, "Releasedatoen", "The release date");
    check_date(r.deadline, lang, "Fristen", "The deadline");
    if (r.deadline < r.release_date) {
        refuse(lang, "Fristen (" + r.deadline + ") ligger før releasedatoen (" + r.release_date + ")",
               "The deadline (" + r.deadline + ") is before the release date (" + r.release_date + ")");
    }
    if (releases_.find(key)) refuse(lang, "»" + r.name + "« er allerede registreret", "\"" + r.name + "\" is registered already");
}

std::string unusual_release_date(std::string const& release_date, std::string const& today) {
    if (release_date < today) return "ligger i fortiden (i dag er " + today + ")";
    auto const limit = std::to_string(std::stoi(today.substr(0, 4)) + 2) + today.substr(4);
    if (release_date > limit) return "ligger mere end to år fremme (efter " + limit + ")";
    return {};
}

storage::Release ReleaseRegistry::prepare(NewRelease const& r, Language lang) const {
    check_before_notes(r, lang);
    auto items = split_items(r.notes);
    if (items.empty()) refuse(lang, "Release notes er tomme; der er intet at gennemgå", "The release notes are empty; there is nothing to review");
    storage::Release release;
    release.name = r.name;
    release.release_date = r.release_date;
    release.deadline = r.deadline;
    release.notes = r.notes;
    release.created_at = utc_timestamp();
    release.created_by = r.by;
    release.items = std::move(items);
    return release;
}

storage::Release ReleaseRegistry::add(NewRelease const& r, Language lang) {
    auto release = prepare(r, lang);
    auto const key = release_key(r.name);
    try {
        return releases_.add(release, key);
    } catch (storage::StorageError const& e) {
        // Registered by someone else a moment ago, most likely.
        if (e.kind() == storage::StorageError::Kind::conflict) {
            refuse(lang, "»" + r.name + "« kunne ikke registreres: " + e.what(), "\"" + r.name + "\" could not be registered: " + e.what());
        }
        throw;
    }
}

ReleaseRegistry::Correction ReleaseRegistry::plan_correction(std::string const& name, std::string const& corrected_notes, Language lang) const {
    auto release = find(name);
    if (!release) refuse(lang, "Jeg kender ingen release ved navn »" + name + "«", "I know no release called \"" + name + "\"");
    auto items = split_items(corrected_notes);
    if (items.empty()) refuse(lang, "Den rettede tekst giver ingen punkter", "The corrected text gives no items");
    std::map<int, std::size_t> answers;
    for (auto const& review : reviews_.of_release(release->id)) ++answers[review.item_number];
    auto changes = match_items(release->items, items, answers);
    return {std::move(*release), std::move(items), std::move(changes)};
}

storage::Release ReleaseRegistry::apply(Correction const& c) {
    std::vector<std::pair<int, int>> moves;
    std::vector<int> removed;
    for (auto const& change : c.changes) {
        if (change.kind == ItemChange::Kind::removed) removed.push_back(change.old_number);
        else if (change.kind != ItemChange::Kind::added) moves.emplace_back(change.old_number, change.new_number);
    }
    releases_.replace_items(c.release.id, c.items, moves, removed, utc_timestamp());
    auto release = c.release;
    release.items = c.items;
    return release;
}

storage::Release ReleaseRegistry::correct_items(std::string const& name, std::string const& corrected_notes, Language lang) {
    return apply(plan_correction(name, corrected_notes, lang));
}

std::optional<storage::Release> ReleaseRegistry::find(std::string const& name) const {
    return releases_.find(release_key(name));
}

}  // namespace superbruger::bot::releases
