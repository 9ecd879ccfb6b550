// Standing from the directory's current assignments.
#include "bot/change_requests/standing.hpp"

namespace superbruger::bot::change_requests {

Standing standing_of(directory::DirectoryService& directory, std::string const& platform, adapters::Sender const& sender) {
    Standing s;
    s.asker = directory.identify(platform, sender);
    if (!s.asker.person) return s;
    s.coordinator = s.asker.person->coordinator;
    for (auto const& a : directory.store().assignments_of(s.asker.person->id)) {
        if (!a.valid_to.empty()) continue;
        if (a.role == "superbruger") s.superbruger = true;
        if (a.role == "systemansvarlig") s.systemansvarlig = true;
    }
    return s;
}

std::vector<std::string> superbrugere_of(directory::DirectoryService& directory, std::int64_t municipality_id) {
    std::vector<std::string> out;
    for (auto const& a : directory.store().current_holders(municipality_id, "superbruger")) {
        out.push_back(a.person.name + (a.person.email.empty() ? "" : " (" + a.person.email + ")"));
    }
    return out;
}

}  // namespace superbruger::bot::change_requests
