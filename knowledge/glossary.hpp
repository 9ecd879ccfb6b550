// Glossary: groups of equivalent terms (Danish synonyms and English–Danish pairs).
#pragma once

#include "knowledge/document_loader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

class Stemmer;

/// A file of lines "term | term | …", each line one group of terms that mean the same
/// ("ændringsønske | change request | videreudviklingsønske"). Lines starting with # are
/// comments. A term may have several words. Matching works on stems: Danish and English stems of
/// the words are both keys, so "change requests" finds the group of "change request".
class Glossary {
public:
    /// Adds the groups of `text`; bad lines go to `problems` (with `file` and line) and are skipped.
    void add_text(std::string_view text, std::string const& file, Stemmer const& danish, Stemmer const& english,
                  std::vector<LoadProblem>& problems);

    struct Match {
        std::size_t words = 0;  ///< how many words of the query the phrase covers
        std::size_t group = 0;
    };
    /// The longest phrase of the glossary that starts at `words[at]` (words folded, stop words
    /// removed), if any.
    std::optional<Match> match(std::vector<std::string> const& words, std::size_t at, Stemmer const& danish,
                               Stemmer const& english) const;

    /// The Danish stems of each term in a group, one vector per term.
    std::vector<std::vector<std::string>> const& group_stems(std::size_t group) const { return groups_[group]; }
    std::size_t group_count() const noexcept { return groups_.size(); }
    /// Every word (folded) of every term: the vocabulary English typos are corrected against.
    std::vector<std::string> const& words() const noexcept { return words_; }

private:
    static constexpr std::size_t max_phrase_words = 4;
    std::vector<std::vector<std::vector<std::string>>> groups_;
    std::map<std::string, std::size_t> phrase_to_group_;  ///< key: stems joined by ' '
    std::vector<std::string> words_;
};

}  // namespace superbruger::knowledge
