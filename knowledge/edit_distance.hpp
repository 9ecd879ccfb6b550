// One-edit neighbourhoods of words (symmetric deletion, as in SymSpell): what typo tolerance in
// the knowledge index is built on.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace superbruger::knowledge {

/// The string and every variant of it with one code point deleted: two strings are at most one
/// edit apart when their key sets meet.
std::vector<std::u32string> deletion_keys(std::u32string const& s);

/// Whether two strings are at most one insertion, deletion, substitution or transposition apart.
bool one_edit_apart(std::u32string const& a, std::u32string const& b);

/// Words (UTF-8) by their deletion keys: the words one edit from a given word.
class WordNeighbourhoods {
public:
    /// Words shorter than `min_length` code points are neither added nor looked up.
    explicit WordNeighbourhoods(std::size_t min_length) : min_length_(min_length) {}

    void add(std::string const& word);

    /// The one word one edit from `word` (or `word` itself when added), if exactly one is. A word
    /// one letter shorter than `min_length` is looked up too, but only for a word it lacks one
    /// letter of ("ownr" → "owner"): a left-out letter is the likeliest slip of a short word.
    std::string only_neighbour(std::string const& word) const;
    /// The words as near as only_neighbour would take, in the order added; at most `limit`.
    std::vector<std::string> neighbours(std::string const& word, std::size_t limit = SIZE_MAX) const;

private:
    std::size_t min_length_;
    std::unordered_map<std::u32string, std::vector<std::string>> keys_;
};

}  // namespace superbruger::knowledge
