// A spelling dictionary used as a list of real words: a question word found in it is not
// "corrected" into a word of the knowledge base ("koster" is not a typo of "kosten").
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

/// Words kept as 64-bit hashes of their folded spelling in a sorted vector: a third of the memory
/// of the words themselves (Debian's Danish list has about 310 000 forms). A false "is a word"
/// needs a hash collision, about one in 10^13 lookups.
class WordList {
public:
    WordList() = default;
    /// One word per line (UTF-8); lines are folded with fold_case. Missing or unreadable file:
    /// an empty list.
    static WordList from_file(std::filesystem::path const& path);
    /// The words of every file (missing ones skipped), as one list.
    static WordList from_files(std::vector<std::filesystem::path> const& paths);
    static WordList from_words(std::vector<std::string_view> const& words);

    bool contains(std::string_view folded_word) const;
    std::size_t size() const noexcept { return hashes_.size(); }
    bool empty() const noexcept { return hashes_.empty(); }

private:
    void add(std::string_view line);
    void seal();
    std::vector<std::uint64_t> hashes_;
};

/// Where Debian's wdanish package puts its word list (the same Danish dictionary as
/// hunspell-da, as plain full forms).
inline std::filesystem::path const danish_word_list_path = "/usr/share/dict/danish";

/// The Danish word list of this machine, read once per process and shared (immutable); empty when
/// the package is not installed, and then typo correction simply trusts the knowledge base alone.
std::shared_ptr<WordList const> system_danish_words();

/// Where Debian's wamerican package puts its English word list: questions are asked in English
/// too, and "quality" is no typo of the glossary's "qualify", nor "tasks" of "takes".
inline std::filesystem::path const english_word_list_path = "/usr/share/dict/american-english";

/// The English word list of this machine, read once per process (empty without wamerican).
std::shared_ptr<WordList const> system_english_words();

}  // namespace superbruger::knowledge
