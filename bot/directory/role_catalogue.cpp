// RoleCatalogue: role names from the knowledge base's role entries.
#include "bot/directory/role_catalogue.hpp"

#include "knowledge/danish_text.hpp"

#include <algorithm>

namespace superbruger::bot::directory {

namespace {
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0; }
}  // namespace

bool contains_phrase(std::string_view text, std::string_view phrase) {
    if (phrase.empty()) return false;
    for (auto at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
        bool const starts = at == 0 || !word_char(text[at - 1]);
        auto const end = at + phrase.size();
        bool const ends = end == text.size() || !word_char(text[end]);
        if (starts && ends) return true;
    }
    return false;
}

RoleCatalogue::RoleCatalogue(knowledge::KnowledgeIndex const& index) {
    for (auto const& doc : index.documents()) {
        if (doc.kind != "role") continue;
        auto const intro = doc.sections.empty() || !doc.sections.front().heading.empty() ? std::string()
                                                                                         : doc.sections.front().text;
        roles_.push_back({doc.id, doc.title, intro.substr(0, intro.find("\n\n"))});
        std::vector<std::string> names = doc.aliases;
        names.push_back(doc.title);
        names.push_back(doc.id);
        for (auto const& name : names) {
            auto folded = knowledge::fold_case(name);
            if (folded.empty()) continue;
            // Questions use the definite and plural forms ("superbrugeren", "systemejerne"):
            // the name with Danish noun endings is the role too (only whole words match).
            if (folded.size() >= 5 && folded.find(' ') == std::string::npos) {
                for (char const* ending : {"en", "e", "ne", "erne", "ene"}) names_.emplace_back(folded + ending, roles_.size() - 1);
            }
            names_.emplace_back(std::move(folded), roles_.size() - 1);
        }
    }
    std::stable_sort(names_.begin(), names_.end(), [](auto const& a, auto const& b) { return a.first.size() > b.first.size(); });
}

std::optional<RoleInfo> RoleCatalogue::named_in(std::string_view folded_text) const {
    for (auto const& [name, role] : names_) {
        if (contains_phrase(folded_text, name)) return roles_[role];
    }
    return std::nullopt;
}

std::optional<RoleInfo> RoleCatalogue::find(std::string_view name) const {
    auto const folded = knowledge::fold_case(name);
    for (auto const& [n, role] : names_) {
        if (n == folded) return roles_[role];
    }
    return std::nullopt;
}

std::optional<RoleInfo> RoleCatalogue::by_id(std::string_view id) const {
    for (auto const& r : roles_) {
        if (r.id == id) return r;
    }
    return std::nullopt;
}

}  // namespace superbruger::bot::directory
