// RoleCatalogue: the roles people can hold, taken from the knowledge base's role entries (one
// per role of KOMBIT's role gallery), so the directory and the answers share one vocabulary.
#pragma once

#include "knowledge/index.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::directory {

struct RoleInfo {
    std::string id;     ///< the role entry's document id, stored in assignments ("systemansvarlig")
    std::string title;  ///< for people ("DUBU-systemansvarlig")
    std::string intro;  ///< the entry's first paragraph: what the role is, for an unfilled role
};

class RoleCatalogue {
public:
    explicit RoleCatalogue(knowledge::KnowledgeIndex const& index);

    /// The role named in a case-folded text (its id, title or an alias, as whole words; the
    /// longest name wins: "systemansvarlig bogføringssystemet" over "systemansvarlig").
    std::optional<RoleInfo> named_in(std::string_view folded_text) const;
    /// A role by id or by any of its names, e.g. from a CSV cell.
    std::optional<RoleInfo> find(std::string_view name) const;
    std::optional<RoleInfo> by_id(std::string_view id) const;

private:
    std::vector<RoleInfo> roles_;
    std::vector<std::pair<std::string, std::size_t>> names_;  ///< folded name → role, longest first
};

/// Whole-word occurrence of a folded phrase in a folded text.
bool contains_phrase(std::string_view folded_text, std::string_view folded_phrase);

}  // namespace superbruger::bot::directory
