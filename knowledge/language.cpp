// Function-word vote between Danish and English.
#include "knowledge/language.hpp"

#include "knowledge/danish_text.hpp"

#include <unordered_set>

namespace superbruger::knowledge {

Language detect_language(std::string_view text) {
    static std::unordered_set<std::string_view> const english = {
        "the", "who", "what", "when", "where", "which", "how", "why", "is", "are", "does", "do", "our",
        "my", "can", "may", "should", "must", "of", "and", "to", "a", "an", "for", "with", "about", "in",
        "we", "you", "it", "this", "that", "be", "has", "have", "whom", "there", "responsible", "role"};
    static std::unordered_set<std::string_view> const danish = {
        "hvem", "hvad", "hvornår", "hvordan", "hvorfor", "hvilke", "hvilken", "er", "og", "til", "af",
        "på", "vores", "vi", "jeg", "skal", "kan", "må", "en", "et", "den", "det", "de", "med", "om",
        "for", "ikke", "har", "der", "som", "hos", "laver", "gør", "rolle", "rollen", "i"};
    auto const folded = fold_case(text);
    int en = 0;
    int da = 0;
    for (auto const& w : split_words(folded)) {
        if (english.contains(w)) ++en;
        if (danish.contains(w)) ++da;
    }
    for (auto c : {"æ", "ø", "å"}) {
        if (folded.find(c) != std::string::npos) da += 2;
    }
    return en > da ? Language::en : Language::da;
}

}  // namespace superbruger::knowledge
