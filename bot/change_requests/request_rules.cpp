// Change request rules.
#include "bot/change_requests/request_rules.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace superbruger::bot::change_requests {

std::vector<std::string> const& statuses() {
    static std::vector<std::string> const all = {"ny", "under vurdering", "sendt til KOMBIT", "prioriteret", "afvist", "implementeret",
                                                 "trukket tilbage"};
    return all;
}

bool supportable(std::string const& status) { return status != "implementeret" && status != "afvist" && status != "trukket tilbage"; }
bool editable(std::string const& status) { return status == "ny" || status == "under vurdering"; }
bool withdrawable(std::string const& status) { return status == "ny" || status == "under vurdering" || status == "sendt til KOMBIT"; }

std::optional<std::string> status_named(std::string_view folded) {
    static std::vector<std::pair<std::string_view, std::string>> const names = {
        {"ny", "ny"},
        {"new", "ny"},
        {"under vurdering", "under vurdering"},
        {"vurdering", "under vurdering"},
        {"under assessment", "under vurdering"},
        {"being assessed", "under vurdering"},
        {"sendt til kombit", "sendt til KOMBIT"},
        {"sent to kombit", "sendt til KOMBIT"},
        {"kombit", "sendt til KOMBIT"},
        {"prioriteret", "prioriteret"},
        {"prioritised", "prioriteret"},
        {"prioritized", "prioriteret"},
        {"afvist", "afvist"},
        {"rejected", "afvist"},
        {"implementeret", "implementeret"},
        {"implemented", "implementeret"},
        {"trukket tilbage", "trukket tilbage"},
        {"withdrawn", "trukket tilbage"},
    };
    for (auto const& [name, status] : names) {
        if (folded == name) return status;
    }
    return std::nullopt;
}

std::optional<std::string> urgency_named(std::string_view folded) {
    if (folded == "lav" || folded == "low") return "lav";
    if (folded == "middel" || folded == "medium" || folded == "mellem") return "middel";
    if (folded == "høj" || folded == "high" || folded == "hoj") return "høj";
    return std::nullopt;
}

bool transition_exists(std::string const& from, std::string const& to) {
    static std::map<std::string, std::vector<std::string>> const next = {
        {"ny", {"under vurdering", "sendt til KOMBIT", "afvist"}},
        {"under vurdering", {"ny", "sendt til KOMBIT", "afvist"}},
        {"sendt til KOMBIT", {"prioriteret", "afvist"}},
        {"prioriteret", {"implementeret", "afvist"}},
        {"afvist", {"under vurdering"}},  // reopened by a coordinator
        {"implementeret", {}},
        {"trukket tilbage", {}},  // withdrawn by its municipality; a coordinator's correction can reopen it
    };
    auto it = next.find(from);
    return it != next.end() && std::find(it->second.begin(), it->second.end(), to) != it->second.end();
}

bool may_move(Mover mover, std::string const& from, std::string const& to) {
    if (!transition_exists(from, to)) return false;
    switch (mover) {
        case Mover::coordinator: return true;
        case Mover::home_systemansvarlig:
            return (from == "ny" || from == "under vurdering") && (to == "under vurdering" || to == "sendt til KOMBIT");
        case Mover::other: return false;
    }
    return false;
}

std::vector<FieldLimit> const& fields() {
    static std::vector<FieldLimit> const all = {{"title", 120},  {"description", 4000}, {"area", 100},
                                                {"benefit", 2000}, {"urgency", 10},       {"workflow_effect", 2000}};
    return all;
}

}  // namespace superbruger::bot::change_requests
