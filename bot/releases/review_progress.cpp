// Review progress and reports.
#include "bot/releases/review_progress.hpp"

#include "bot/csv.hpp"
#include "bot/join.hpp"

#include <map>

namespace superbruger::bot::releases {

namespace {

/// Item numbers of a release that still exist (a corrected split may have fewer items).
bool has_item(storage::Release const& release, int number) {
    for (auto const& i : release.items) {
        if (i.number == number) return true;
    }
    return false;
}

std::string cell(std::string s) {
    // Markdown table cells: a pipe or a line break would break the row.
    for (auto& c : s) {
        if (c == '|' || c == '\n') c = ' ';
    }
    return s;
}

}  // namespace

std::size_t NetworkProgress::complete() const {
    std::size_t n = 0;
    for (auto const& m : municipalities) n += m.complete();
    return n;
}

MunicipalityProgress municipality_progress(storage::Release const& release, storage::Municipality const& municipality,
                                           std::vector<storage::ItemReview> const& reviews) {
    MunicipalityProgress p;
    p.municipality = municipality;
    p.total = release.items.size();
    for (auto const& item : release.items) {
        bool done = false;
        for (auto const& r : reviews) done |= r.municipality_id == municipality.id && r.item_number == item.number;
        if (done) ++p.reviewed;
        else p.missing.push_back(item.number);
    }
    return p;
}

Reviewers reviewers_of(storage::RoleDirectory const& directory) {
    Reviewers r;
    for (auto const& m : directory.municipalities()) {
        if (directory.current_holders(m.id, "superbruger").empty()) r.without_superbrugere.push_back(m.name);
        else r.reviewing.push_back(m);
    }
    return r;
}

NetworkProgress network_progress(storage::Release const& release, Reviewers const& reviewers, std::vector<storage::ItemReview> const& reviews) {
    NetworkProgress p;
    p.without_superbrugere = reviewers.without_superbrugere;
    std::map<std::int64_t, std::string> names;
    for (auto const& m : reviewers.reviewing) {
        names[m.id] = m.name;
        p.municipalities.push_back(municipality_progress(release, m, reviews));
    }
    for (auto const& item : release.items) {
        ItemProgress ip;
        ip.item = item;
        for (auto const& r : reviews) {
            if (r.item_number != item.number || !names.contains(r.municipality_id) || !has_item(release, r.item_number)) continue;
            ++ip.reviewed;
            if (r.effect == "høj") ++ip.rated_high;
            if (r.local_config) ip.local_configuration.push_back(names[r.municipality_id] + ": " + r.local_config_what);
        }
        p.items.push_back(std::move(ip));
    }
    return p;
}

std::string report_markdown(storage::Release const& release, NetworkProgress const& progress) {
    std::string out = "# " + release.name + ": gennemgang af release notes\n\n";
    out += "Release " + release.release_date + ", frist for gennemgang " + release.deadline + ". **" + std::to_string(progress.complete()) +
           " af " + std::to_string(progress.municipalities.size()) + " kommuner er færdige.**\n\n";
    if (!progress.without_superbrugere.empty()) out += "Uden superbrugere, så uden gennemgang: " + join(progress.without_superbrugere) + ".\n\n";
    out += "| Kommune | Gennemgået | Færdig |\n|---|---|---|\n";
    for (auto const& m : progress.municipalities) {
        out += "| " + cell(m.municipality.name) + " | " + std::to_string(m.reviewed) + " af " + std::to_string(m.total) + " | " +
               (m.complete() ? "ja" : "nej") + " |\n";
    }
    out += "\n| # | Punkt | Gennemgået | Høj effekt | Lokal konfiguration |\n|---|---|---|---|---|\n";
    for (auto const& i : progress.items) {
        auto const config = join(i.local_configuration, "; ");
        out += "| " + std::to_string(i.item.number) + " | " + cell(i.item.title) + " | " + std::to_string(i.reviewed) + " | " +
               std::to_string(i.rated_high) + " | " + cell(config) + " |\n";
    }
    return out;
}

std::string report_csv(storage::Release const& release, std::vector<storage::Municipality> const& municipalities,
                       std::vector<storage::ItemReview> const& reviews) {
    std::string out = csv::format_row({"release", "kommune", "punkt", "titel", "status", "effekt", "lokal konfiguration", "hvad",
                                       "kommunikation", "hvordan", "note", "gennemgået af", "tidspunkt"});
    for (auto const& m : municipalities) {
        for (auto const& item : release.items) {
            storage::ItemReview const* found = nullptr;
            for (auto const& r : reviews) {
                if (r.municipality_id == m.id && r.item_number == item.number) found = &r;
            }
            if (!found) {
                out += csv::format_row({release.name, m.name, std::to_string(item.number), item.title, "mangler", "", "", "", "", "", "", "", ""});
                continue;
            }
            out += csv::format_row({release.name, m.name, std::to_string(item.number), item.title, "gennemgået", found->effect,
                                    found->local_config ? "ja" : "nej", found->local_config_what, found->communication ? "ja" : "nej",
                                    found->communication_how, found->note, found->reviewed_by, found->reviewed_at});
        }
    }
    return out;
}

}  // namespace superbruger::bot::releases
