// Glossary parsing and phrase matching.
#include "knowledge/glossary.hpp"

#include "knowledge/danish_text.hpp"

#include <algorithm>

namespace superbruger::knowledge {

namespace {

std::vector<std::string> content_words(std::string_view text) {
    std::vector<std::string> out;
    for (auto& w : split_words(fold_case(text))) {
        if (!is_stop_word(w)) out.push_back(std::move(w));
    }
    return out;
}

std::string key_of(std::vector<std::string> const& words, std::size_t from, std::size_t count, Stemmer const& stemmer) {
    std::string key;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!key.empty()) key += ' ';
        key += stemmer.stem(words[i]);
    }
    return key;
}

}  // namespace

void Glossary::add_text(std::string_view text, std::string const& file, Stemmer const& danish, Stemmer const& english,
                        std::vector<LoadProblem>& problems) {
    int line_no = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        auto line = text.substr(start, nl - start);
        start = nl + 1;
        ++line_no;
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') continue;

        std::vector<std::vector<std::string>> terms;
        std::size_t from = 0;
        while (from <= line.size()) {
            auto bar = line.find('|', from);
            if (bar == std::string_view::npos) bar = line.size();
            auto words = content_words(line.substr(from, bar - from));
            if (!words.empty()) terms.push_back(std::move(words));
            from = bar + 1;
        }
        if (terms.size() < 2) {
            problems.push_back({file, line_no, "a glossary line needs at least two terms separated by '|'"});
            continue;
        }
        auto const group = groups_.size();
        std::vector<std::vector<std::string>> stems;
        for (auto const& words : terms) {
            if (words.size() > max_phrase_words) {
                problems.push_back({file, line_no, "a glossary term has more than 4 words"});
                continue;
            }
            phrase_to_group_.try_emplace(key_of(words, 0, words.size(), danish), group);
            phrase_to_group_.try_emplace(key_of(words, 0, words.size(), english), group);
            std::vector<std::string> s;
            for (auto const& w : words) {
                s.push_back(danish.stem(w));
                if (std::find(words_.begin(), words_.end(), w) == words_.end()) words_.push_back(w);
            }
            stems.push_back(std::move(s));
        }
        groups_.push_back(std::move(stems));
    }
}

std::optional<Glossary::Match> Glossary::match(std::vector<std::string> const& words, std::size_t at,
                                               Stemmer const& danish, Stemmer const& english) const {
    auto const longest = std::min(max_phrase_words, words.size() - at);
    for (auto n = longest; n >= 1; --n) {
        for (auto const* stemmer : {&danish, &english}) {
            auto it = phrase_to_group_.find(key_of(words, at, n, *stemmer));
            if (it != phrase_to_group_.end()) return Match{n, it->second};
        }
    }
    return std::nullopt;
}

}  // namespace superbruger::knowledge
