// DirectoryService: identification, name matching, the phase rules.
#include "bot/directory/directory_service.hpp"

#include "bot/knowledge_service.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/database.hpp"

#include <algorithm>

namespace superbruger::bot::directory {

namespace {

/// "Korsbæk Kommune" is also called "Korsbæk".
std::vector<std::string> municipality_names(storage::Municipality const& m) {
    auto folded = knowledge::fold_case(m.name);
    std::vector<std::string> names{folded};
    constexpr std::string_view suffix = " kommune";
    if (folded.ends_with(suffix)) names.push_back(folded.substr(0, folded.size() - suffix.size()));
    return names;
}

}  // namespace

DirectoryService::DirectoryService(storage::Database& db, KnowledgeService& knowledge)
    : db_(db), directory_(db), knowledge_(knowledge) {}

RoleCatalogue const& DirectoryService::roles() {
    auto index = knowledge_.index();
    if (!catalogue_ || catalogue_source_ != index) {
        catalogue_.emplace(*index);
        catalogue_source_ = index;
    }
    return *catalogue_;
}

Asker DirectoryService::identify(std::string const& platform, adapters::Sender const& sender) const {
    Asker asker;
    if (!sender.user_id.empty()) asker.person = directory_.person_with_identity(platform, sender.user_id);
    // The id the platform keeps stable across chats (Teams: the Entra object id, which a
    // municipality's IT can look up and register), when it differs from the user id.
    if (!asker.person && sender.person_id() != sender.user_id) asker.person = directory_.person_with_identity(platform, sender.person_id());
    if (!asker.person && !sender.email.empty()) asker.person = directory_.person_with_email(sender.email);
    std::optional<std::int64_t> municipality_id;
    if (asker.person) municipality_id = asker.person->municipality_id;
    if (!municipality_id && !sender.tenant_id.empty()) {
        if (auto m = directory_.municipality_of_tenant(platform, sender.tenant_id)) return {asker.person, m};
    }
    if (!municipality_id && !sender.user_id.empty()) municipality_id = directory_.asker_municipality(platform, sender.user_id);
    if (municipality_id) asker.municipality = directory_.municipality(*municipality_id);
    return asker;
}

std::optional<storage::Municipality> DirectoryService::municipality_named(std::string const& name) const {
    auto const folded = knowledge::fold_case(name);
    for (auto const& m : directory_.municipalities()) {
        for (auto const& n : municipality_names(m)) {
            if (n == folded || m.kommunenummer == folded) return m;
        }
    }
    return std::nullopt;
}

std::optional<storage::Municipality> DirectoryService::municipality_named_in(std::string const& folded_text) const {
    std::optional<storage::Municipality> best;
    std::size_t best_length = 0;
    for (auto const& m : directory_.municipalities()) {
        for (auto const& n : municipality_names(m)) {
            if (n.size() > best_length && contains_phrase(folded_text, n)) {
                best = m;
                best_length = n.size();
            }
        }
    }
    return best;
}

std::optional<storage::Person> DirectoryService::person_named_in(std::string const& folded_text) const {
    std::optional<storage::Person> best;
    std::size_t best_length = 0;
    for (auto const& p : directory_.people()) {
        auto const n = knowledge::fold_case(p.name);
        if (n.size() > best_length && contains_phrase(folded_text, n)) {
            best = p;
            best_length = n.size();
        }
    }
    return best;
}

std::vector<std::string> DirectoryService::mandatory_roles(int phase) {
    if (phase >= 4) return {"systemansvarlig", "systemejer", "superbruger"};
    return {"projektejer", "projektleder"};
}

std::vector<std::string> DirectoryService::missing_roles(storage::Municipality const& m) const {
    std::vector<std::string> missing;
    for (auto const& role : mandatory_roles(m.phase)) {
        if (directory_.current_holders(m.id, role).empty()) missing.push_back(role);
    }
    return missing;
}

std::vector<storage::Assignment> DirectoryService::set_phase(storage::Municipality const& m, int phase,
                                                             storage::Change const& change) {
    std::vector<storage::Assignment> ended;
    db_.write_all_or_nothing([&] {
        directory_.set_phase(m.id, phase, change);
        if (phase < 4 || m.phase >= 4) return;
        for (auto const* role : {"projektleder", "projektejer"}) {
            for (auto const& a : directory_.current_holders(m.id, role)) {
                directory_.end_assignment(a.id, change);
                ended.push_back(a);
            }
        }
    });
    return ended;
}

}  // namespace superbruger::bot::directory
