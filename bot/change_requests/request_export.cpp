// Change request exports.
#include "bot/change_requests/request_export.hpp"

#include "bot/csv.hpp"
#include "bot/json_text.hpp"

#include <nlohmann/json.hpp>

namespace superbruger::bot::change_requests {

namespace {

std::vector<storage::ChangeRequest> selected(storage::ChangeRequests const& requests, std::optional<std::string> const& status) {
    storage::RequestFilter f;
    f.status = status;
    return requests.list(f);
}

std::string name_of(directory::DirectoryService& directory, std::int64_t id) {
    auto m = directory.store().municipality(id);
    return m ? m->name : "";
}

}  // namespace

std::string export_csv(storage::ChangeRequests const& requests, directory::DirectoryService& directory,
                       std::optional<std::string> const& status) {
    std::string out = csv::format_row({"id", "titel", "beskrivelse", "område", "gevinst", "hast", "arbejdsgange", "status", "release",
                                       "kommune", "indsender", "oprettet", "opdateret", "støttende kommuner", "antal støtter"});
    for (auto const& r : selected(requests, status)) {
        std::string supporters;
        auto const list = requests.supporters(r.id);
        for (auto const& s : list) supporters += (supporters.empty() ? "" : "; ") + name_of(directory, s.municipality_id);
        out += csv::format_row({r.ref, r.title, r.description, r.area, r.benefit, r.urgency, r.workflow_effect, r.status, r.release,
                                name_of(directory, r.municipality_id), r.submitter.name, r.created_at, r.updated_at, supporters,
                                std::to_string(list.size())});
    }
    return out;
}

std::string export_json(storage::ChangeRequests const& requests, directory::DirectoryService& directory,
                        std::optional<std::string> const& status) {
    auto all = nlohmann::json::array();
    for (auto const& r : selected(requests, status)) {
        auto supporters = nlohmann::json::array();
        for (auto const& s : requests.supporters(r.id)) {
            supporters.push_back({{"municipality", name_of(directory, s.municipality_id)}, {"by", s.person.name}, {"at", s.supported_at}});
        }
        auto history = nlohmann::json::array();
        for (auto const& h : requests.history(r.id)) {
            history.push_back({{"at", h.at}, {"by", h.actor}, {"from", h.from}, {"to", h.to}, {"comment", h.comment}});
        }
        all.push_back({{"id", r.ref},
                       {"title", r.title},
                       {"description", r.description},
                       {"area", r.area},
                       {"benefit", r.benefit},
                       {"urgency", r.urgency},
                       {"workflow_effect", r.workflow_effect},
                       {"status", r.status},
                       {"release", r.release},
                       {"municipality", name_of(directory, r.municipality_id)},
                       {"submitted_by", r.submitter.name},
                       {"created_at", r.created_at},
                       {"updated_at", r.updated_at},
                       {"supporters", supporters},
                       {"history", history}});
    }
    return json_text(all, 2) + "\n";
}

}  // namespace superbruger::bot::change_requests
