// Symmetric-deletion neighbourhoods and the one-edit test.
#include "knowledge/edit_distance.hpp"

#include "knowledge/utf8.hpp"

#include <algorithm>

namespace superbruger::knowledge {

std::vector<std::u32string> deletion_keys(std::u32string const& s) {
    std::vector<std::u32string> keys{s};
    for (std::size_t i = 0; i < s.size(); ++i) keys.push_back(s.substr(0, i) + s.substr(i + 1));
    return keys;
}

bool one_edit_apart(std::u32string const& a, std::u32string const& other) {
    auto const la = a.size();
    auto const lb = other.size();
    if (la + 1 < lb || lb + 1 < la) return false;
    std::size_t i = 0;
    while (i < la && i < lb && a[i] == other[i]) ++i;
    if (la == lb) {
        if (i == la || a.substr(i + 1) == other.substr(i + 1)) return true;                              // substitution
        return i + 1 < la && a[i] == other[i + 1] && a[i + 1] == other[i] && a.substr(i + 2) == other.substr(i + 2);  // transposition
    }
    return la > lb ? a.substr(i + 1) == other.substr(i) : a.substr(i) == other.substr(i + 1);                // deletion
}

void WordNeighbourhoods::add(std::string const& word) {
    auto const s = utf8::decode(word);
    if (s.size() < min_length_) return;
    for (auto& key : deletion_keys(s)) {
        auto& words = keys_[std::move(key)];
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
    }
}

std::vector<std::string> WordNeighbourhoods::neighbours(std::string const& word, std::size_t limit) const {
    std::vector<std::string> found;
    auto const s = utf8::decode(word);
    if (s.size() + 1 < min_length_ || s.empty()) return found;
    bool const short_word = s.size() < min_length_;
    for (auto const& key : short_word ? std::vector<std::u32string>{s} : deletion_keys(s)) {
        auto it = keys_.find(key);
        if (it == keys_.end()) continue;
        for (auto const& w : it->second) {
            if (short_word && utf8::decode(w).size() != s.size() + 1) continue;
            if (std::find(found.begin(), found.end(), w) != found.end()) continue;
            found.push_back(w);
            if (found.size() >= limit) return found;
        }
    }
    return found;
}

std::string WordNeighbourhoods::only_neighbour(std::string const& word) const {
    auto found = neighbours(word, 2);  // a second is enough to know there is no single one
    return found.size() == 1 ? std::move(found.front()) : std::string();  // two words as near: no guess
}

}  // namespace superbruger::knowledge
