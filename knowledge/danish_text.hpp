// Text analysis for Danish (and some English): case folding, word splitting, stop words, stemming.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

/// Lower-cases UTF-8 text, including Æ/Ø/Å and the other Latin-1 capitals, folds accented
/// vowels that Danish does not use (é → e) and writes the old spelling "aa" as "å" inside
/// words, so "Aabenraa" and "Åbenrå" meet. Invalid UTF-8 bytes become spaces.
std::string fold_case(std::string_view utf8);

/// Splits folded text into words: runs of letters and digits. Hyphens, slashes and apostrophes
/// separate words ("dubu-superbruger" → "dubu", "superbruger").
std::vector<std::string> split_words(std::string_view folded);

/// True for Danish and English function words that carry no content in a question.
bool is_stop_word(std::string_view folded_word);

/// True for common words that do carry some meaning but say little about which part of the base
/// answers ("kommer", "nye", "læse", "igennem", "get", "new"): rare in the base, they would
/// otherwise weigh as if they were its topic.
bool is_light_word(std::string_view folded_word);

enum class StemLanguage { danish, english };

/// Snowball stemmer (libstemmer). Not thread-safe: each thread needs its own.
class Stemmer {
public:
    explicit Stemmer(StemLanguage language);
    ~Stemmer();
    Stemmer(Stemmer const&) = delete;
    Stemmer& operator=(Stemmer const&) = delete;

    std::string stem(std::string_view folded_word) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A content word of a text: its folded spelling and its Danish stem.
struct Token {
    std::string word;
    std::string stem;
};

/// fold_case → split_words → drop stop words → Danish stem.
std::vector<Token> analyze(std::string_view text, Stemmer const& danish);

}  // namespace superbruger::knowledge
