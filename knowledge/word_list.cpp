// WordList: FNV-1a hashes of folded words, sorted for binary search.
#include "knowledge/word_list.hpp"

#include "knowledge/danish_text.hpp"

#include <algorithm>
#include <fstream>
#include <string>

namespace superbruger::knowledge {

namespace {

std::uint64_t hash_of(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bit
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

void WordList::add(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) return;
    hashes_.push_back(hash_of(fold_case(line)));
}

void WordList::seal() {
    std::sort(hashes_.begin(), hashes_.end());
    hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
    hashes_.shrink_to_fit();
}

WordList WordList::from_file(std::filesystem::path const& path) { return from_files({path}); }

WordList WordList::from_files(std::vector<std::filesystem::path> const& paths) {
    WordList list;
    for (auto const& path : paths) {
        std::ifstream in(path);
        std::string line;
        while (in && std::getline(in, line)) list.add(line);
    }
    list.seal();
    return list;
}

WordList WordList::from_words(std::vector<std::string_view> const& words) {
    WordList list;
    for (auto w : words) list.add(w);
    list.seal();
    return list;
}

bool WordList::contains(std::string_view folded_word) const {
    return std::binary_search(hashes_.begin(), hashes_.end(), hash_of(folded_word));
}

std::shared_ptr<WordList const> system_danish_words() {
    static auto const list = std::make_shared<WordList const>(WordList::from_file(danish_word_list_path));
    return list;
}

std::shared_ptr<WordList const> system_english_words() {
    static auto const list = std::make_shared<WordList const>(WordList::from_file(english_word_list_path));
    return list;
}

}  // namespace superbruger::knowledge
