// DirectoryService: the role directory with KLIK's rules, as the bot and the CLI use it:
// who is asking and where from, which roles a phase requires, the phase-4 hand-over, and the
// matching of typed names (case-folded as the knowledge search does, so "ærø" finds "Ærø").
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/directory/role_catalogue.hpp"
#include "storage/role_directory.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::storage {
class Database;
}

namespace superbruger::bot {
class KnowledgeService;
}

namespace superbruger::bot::directory {

/// Who sent a message, as far as the directory can tell.
struct Asker {
    std::optional<storage::Person> person;              ///< known to the directory
    std::optional<storage::Municipality> municipality;  ///< whose "vores" it is
};

class DirectoryService {
public:
    DirectoryService(storage::Database& db, KnowledgeService& knowledge);

    storage::RoleDirectory& store() noexcept { return directory_; }
    storage::Database& database() noexcept { return db_; }
    /// The roles of the knowledge base now loaded (rebuilt after a knowledge reload).
    RoleCatalogue const& roles();

    /// By chat identity, then e-mail (`ask --as`), then the chat tenant, then what the asker
    /// told the bot before.
    Asker identify(std::string const& platform, adapters::Sender const& sender) const;

    std::optional<storage::Municipality> municipality_named(std::string const& name) const;
    std::optional<storage::Municipality> municipality_named_in(std::string const& folded_text) const;
    std::optional<storage::Person> person_named_in(std::string const& folded_text) const;

    /// The roles KLIK requires in a phase: the project roles in phases 1-3, the three DUBU
    /// operations roles in phase 4 (fase 4: Forankring).
    static std::vector<std::string> mandatory_roles(int phase);
    std::vector<std::string> missing_roles(storage::Municipality const& m) const;

    /// Moves a municipality to a phase. Entering phase 4 ends the current projektleder and
    /// projektejer terms: those roles give way to systemansvarlig and systemejer. Returns the
    /// assignments it ended.
    std::vector<storage::Assignment> set_phase(storage::Municipality const& m, int phase, storage::Change const& change);

private:
    storage::Database& db_;
    storage::RoleDirectory directory_;
    KnowledgeService& knowledge_;
    std::shared_ptr<void const> catalogue_source_;  ///< the index the catalogue was built from
    std::optional<RoleCatalogue> catalogue_;
};

}  // namespace superbruger::bot::directory
