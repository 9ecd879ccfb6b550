// Understanding a question against the index's vocabulary: spelling fixed, two words joined,
// compounds split, typos matched, glossary phrases and their synonyms, and each concept weighed.
#include "knowledge/index_impl.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/language.hpp"
#include "knowledge/question.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace superbruger::knowledge {

double KnowledgeIndex::Impl::idf(TermId t) const {
    auto const n = static_cast<double>(passages.size());
    auto const df = t == no_term ? 0.0 : static_cast<double>(document_frequency[t]);
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

namespace {

/// `w` as a left and a right part that `is_word` takes, the right of four letters or more and
/// the left of `min_left` or more, where the left may end in a linking s or e ("ændring|s|ønske");
/// the longest left part first. Empty when there is none.
template <class IsWord>
std::vector<std::string> split_in_two(std::u32string const& w, std::size_t min_left, IsWord const& is_word) {
    if (w.size() < min_left + 4) return {};
    for (auto k = w.size() - 4; k >= min_left; --k) {
        auto right = utf8::encode(w.substr(k));
        if (!is_word(right)) continue;
        auto left = w.substr(0, k);
        if (is_word(utf8::encode(left))) return {utf8::encode(left), right};
        if ((left.back() == U's' || left.back() == U'e') && left.size() > min_left &&
            is_word(utf8::encode(left.substr(0, left.size() - 1)))) {
            return {utf8::encode(left.substr(0, left.size() - 1)), right};
        }
    }
    return {};
}

}  // namespace

/// "superbrugerrollen" → {"superbruger", "rollen"} when both parts are words of the base
/// (a linking s or e may end the first part, as in "ændrings|ønske"). The right part has at
/// least four letters: "næstved" is not "næst" + "ved".
std::vector<std::string> KnowledgeIndex::Impl::split_compound(std::string const& word) const {
    return split_in_two(utf8::decode(word), 3,
                        [&](std::string const& part) { return standalone_stems.contains(danish.stem(part)); });
}

void KnowledgeIndex::Impl::index_compound_heads() {
    if (!dictionary) return;
    for (auto const& [stem, id] : term_ids) {
        if (document_frequency[id] == 0) continue;  // interned from the glossary only
        auto parts = split_in_two(utf8::decode(stem), 3, [&](std::string const& part) { return is_danish_word(part); });
        if (parts.empty()) continue;
        compounds_by_head[danish.stem(parts[1])].push_back(id);
    }
    for (auto& [head, ids] : compounds_by_head) std::sort(ids.begin(), ids.end());
}

/// The words Danish leaves out after a hyphen, written whole: "ændrings- og udviklingsønsker"
/// also says "ændringsønsker", "drifts- og supportorganisation" "driftsorganisation". The
/// second word lends its last part (by split_compound) to the first.
std::vector<std::string> KnowledgeIndex::Impl::elided_compounds(std::string_view text) const {
    std::vector<std::string> out;
    auto const folded = fold_case(text);
    auto const words = split_words(folded);
    if (words.size() < 3) return out;
    // Where each word ends in the folded text, to see whether a hyphen follows it.
    std::size_t at = 0;
    for (std::size_t k = 0; k + 2 < words.size(); ++k) {
        at = folded.find(words[k], at);
        if (at == std::string::npos) break;
        auto const end = at + words[k].size();
        at = end;
        bool const hyphen = end + 1 < folded.size() && folded[end] == '-' && folded[end + 1] == ' ';
        if (!hyphen || (words[k + 1] != "og" && words[k + 1] != "eller" && words[k + 1] != "samt")) continue;
        auto const parts = split_compound(words[k + 2]);
        if (parts.size() == 2) out.push_back(words[k] + parts[1]);
    }
    return out;
}

/// Terms one edit (insert, delete, substitute, transpose) away, by symmetric deletion.
std::vector<TermId> KnowledgeIndex::Impl::typo_candidates(std::string const& stem) const {
    auto const s = utf8::decode(stem);
    std::vector<TermId> out;
    if (s.size() < min_typo_length) return out;
    for (auto const& key : deletion_keys(s)) {
        auto it = deletions.find(key);
        if (it == deletions.end()) continue;
        for (auto t : it->second) {
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        }
    }
    return out;
}

double KnowledgeIndex::Impl::alternative_weight(std::vector<TermId> const& alt) const {
    double w = 0;
    for (auto t : alt) w = std::max(w, idf(t));
    return w;
}

/// Whether the base knows a folded question word as it is: a term, a part of a compound, or
/// a word of the glossary.
bool KnowledgeIndex::Impl::known_word(std::string const& w) const {
    return find(danish.stem(w)) != no_term || glossary_words.contains(w) || !split_compound(w).empty();
}

/// The terms of the base that are the same word with another inflection ending, where the
/// stemmer leaves the ending on: "fordelt" and "fordel" (of "fordeles"), "bedt" and "bed" (of
/// "beder"), "dubus" and "dubu". The shorter form keeps at least four letters.
std::vector<TermId> KnowledgeIndex::Impl::inflected_relatives(std::string const& stem) const {
    static constexpr std::string_view endings[] = {"t", "s", "e", "et", "te", "de", "es", "er", "en", "ede"};
    std::vector<TermId> out;
    auto const own = find(stem);
    auto add = [&](std::string const& form) {
        auto const t = find(form);
        if (t != no_term && t != own && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    };
    auto const letters = utf8::decode(stem).size();
    for (auto ending : endings) {
        if (letters >= 4) add(stem + std::string(ending));
        if (stem.size() > ending.size() && stem.ends_with(ending) && letters >= 4 + ending.size()) {
            add(stem.substr(0, stem.size() - ending.size()));
        }
    }
    return out;
}

/// Whether a Danish word is a form of a verb the dictionary conjugates: its stem with the
/// infinitive "-e", the present "-er" and a participle "-et" or "-t" are all words ("tilføjet":
/// tilføje, tilføjer, tilføjet; "bedt": bede, beder, bedt). A verb the base lacks links the
/// question's topics ("hvornår blev X tilføjet Y") rather than being one, unlike a noun
/// ("pizza", "bevilling"); plural nouns ("roller") have no participle.
bool KnowledgeIndex::Impl::is_danish_verb_form(std::string const& word) const {
    if (!dictionary || dictionary->empty()) return false;
    static constexpr std::string_view endings[] = {"ede", "et", "te", "de", "er", "e", "t"};
    auto const conjugated = [&](std::string const& w) {
        for (auto ending : endings) {
            if (!w.ends_with(ending) || w.size() < ending.size() + 3) continue;
            auto const stem = w.substr(0, w.size() - ending.size());
            if (is_danish_word(stem + "e") && is_danish_word(stem + "er") &&
                (is_danish_word(stem + "et") || is_danish_word(stem + "t"))) {
                return true;
            }
        }
        return false;
    };
    if (conjugated(word)) return true;
    // A particle verb ("tilsendt", "udfyldt", "indsendes"): word lists hold a few of its forms
    // only (Debian's has "tilsende" and "tilsendt", not "tilsender"), so the verb without its
    // particle is conjugated instead, as long as the whole word is in the list too.
    static constexpr std::string_view particles[] = {"til", "af", "an", "ind", "ud", "op", "om", "over", "ned", "frem", "gen", "med"};
    if (!is_danish_word(word)) return false;
    for (auto particle : particles) {
        if (word.size() >= particle.size() + 4 && word.starts_with(particle) && conjugated(word.substr(particle.size()))) return true;
    }
    return false;
}

/// An English compound written as one word ("projectleader", "systemowner") that is a phrase
/// of the glossary written apart: its two words, or none.
std::vector<std::string> KnowledgeIndex::Impl::glossary_compound(std::string const& word) const {
    if (word.size() < 8 || is_real_word(word)) return {};
    for (std::size_t cut = 3; cut + 3 <= word.size(); ++cut) {
        auto left = word.substr(0, cut);
        auto right = word.substr(cut);
        if (!glossary_words.contains(left) || !glossary_words.contains(right)) continue;
        std::vector<std::string> pair{left, right};
        if (auto m = glossary.match(pair, 0, danish, english); m && m->words == 2) return pair;
    }
    return {};
}

/// Whether a word the dictionary lacks is two of its words written together, as Danish
/// compounds are ("bevillings|grundlag", "sags|oversigt"): a real word all the same. Each part
/// has four letters or more; the first may end in a linking s or e.
bool KnowledgeIndex::Impl::is_danish_compound(std::string const& word) const {
    if (!dictionary || dictionary->empty()) return false;
    return !split_in_two(utf8::decode(word), 4, [&](std::string const& part) { return is_danish_word(part); }).empty();
}

/// A short word with two letters swapped ("spco", "klki"): the one word of the base or the
/// glossary that swapping two neighbouring letters gives, if exactly one. Longer words find
/// such slips through their typo neighbourhoods.
std::string KnowledgeIndex::Impl::swapped_known_word(std::string const& word) const {
    auto const s = utf8::decode(word);
    if (s.size() + 1 != min_typo_length) return {};
    std::string found;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == s[i + 1]) continue;
        auto t = s;
        std::swap(t[i], t[i + 1]);
        auto const candidate = utf8::encode(t);
        if (find(danish.stem(candidate)) == no_term && !glossary_words.contains(candidate)) continue;
        if (!found.empty() && found != candidate) return {};
        found = candidate;
    }
    return found;
}

/// Spelling fixed before anything else: misspelt function words ("hvme" → "hvem") and words of
/// the glossary ("systme" → "system"), never a real Danish word nor a word the base knows.
std::vector<std::string> KnowledgeIndex::Impl::corrected_words(std::string_view folded, bool asked_in_english,
                                                               std::vector<std::string>& corrections) const {
    auto words = split_words(folded);
    // "hyper care", "super bruger": two words the base knows as one.
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (is_stop_word(words[k]) || is_stop_word(words[k + 1])) continue;
        if (find(danish.stem(words[k])) != no_term && find(danish.stem(words[k + 1])) != no_term) continue;
        auto const joined = words[k] + words[k + 1];
        if (find(danish.stem(joined)) == no_term) continue;
        corrections.push_back(words[k] + " " + words[k + 1] + " → " + joined);
        words[k] = joined;
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
    // Whether `fix` at `k` makes a glossary phrase with a word beside it ("go trough" → "go
    // through"): then even a real word ("trough") was meant as the phrase's.
    auto completes_phrase = [&](std::size_t k, std::string const& fix) {
        auto trial = words;
        trial[k] = fix;
        for (auto from = k == 0 ? k : k - 1; from <= k; ++from) {
            auto const m = glossary.match(trial, from, danish, english);
            if (m && m->words >= 2 && from + m->words > k) return true;
        }
        return false;
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
        auto& w = words[k];
        // Three letters are enough for a function word with one left out ("wat" → "what"):
        // only_neighbour takes a word one letter short only for a word it lacks a letter of.
        if (is_stop_word(w) || w.size() + 1 < min_stop_typo_length || is_danish_word(w) || known_word(w)) continue;
        if (auto split = glossary_compound(w); !split.empty()) {
            corrections.push_back(w + " → " + split[0] + " " + split[1]);
            w = split[1];
            words.insert(words.begin() + static_cast<std::ptrdiff_t>(k), split[0]);
            continue;
        }
        // "oftne" is as near "often" as "ofte": the question's language decides a tie.
        auto near_stop_words = stop_neighbours.neighbours(w);
        if (near_stop_words.size() > 1) {
            std::erase_if(near_stop_words, [&](std::string const& c) { return english_stop_words.contains(c) != asked_in_english; });
        }
        std::string fix = near_stop_words.size() == 1 ? std::move(near_stop_words.front()) : std::string();
        if (fix.empty()) {
            fix = glossary_neighbours.only_neighbour(w);
            if (!fix.empty() && is_real_word(w) && !completes_phrase(k, fix)) fix.clear();
        }
        if (fix.empty() && !is_real_word(w)) fix = swapped_known_word(w);
        if (fix.empty()) continue;
        corrections.push_back(w + " → " + fix);
        w = fix;
    }
    return words;
}

std::vector<Concept> KnowledgeIndex::Impl::concepts_of(std::vector<std::string> const& all_words, QuestionForm const& form,
                                                       bool asked_in_english) const {
    std::vector<std::string> words;
    for (auto const& w : all_words) {
        if (is_stop_word(w)) continue;
        if (std::find(form.cue_words.begin(), form.cue_words.end(), w) != form.cue_words.end()) continue;
        if (w.size() < 2 && !(w[0] >= '0' && w[0] <= '9')) continue;  // the "s" of "Netcompany's"
        words.push_back(w);
    }
    std::vector<Concept> concepts;
    auto add_known = [&](std::string label, std::vector<std::vector<TermId>> alternatives, double penalty,
                         double most = std::numeric_limits<double>::infinity()) {
        Concept c;
        c.label = std::move(label);
        for (auto& alt : alternatives) {
            if (alt.empty() || std::find(alt.begin(), alt.end(), no_term) != alt.end()) continue;
            c.weight = std::max(c.weight, std::min(most, alternative_weight(alt) * penalty));
            c.alternatives.push_back(std::move(alt));
        }
        // A real word of the dictionaries that the base lacks ("pizza", "bevilling", "font") is
        // most likely the very topic the base has nothing on: it weighs like the base's rarest
        // words, so the question is declined rather than answered on its other words. A word no
        // dictionary has (an uncorrected typo, a name) weighs less: it may be a slip. A Danish
        // verb form (see is_danish_verb_form) weighs like a common word: it links the topics
        // ("hvem får X tilsendt") rather than being one. The base is Danish, so an English word
        // it lacks (a verb like "leads") weighs less than a Danish one.
        if (c.alternatives.empty()) {
            bool const real = is_real_word(c.label) || (!asked_in_english && is_danish_compound(c.label));
            c.weight = !asked_in_english && is_danish_verb_form(c.label)
                           ? light_weight
                           : (asked_in_english ? (real ? unknown_english_real_word : unknown_english_word)
                                               : (real ? unknown_real_word : 1.0)) *
                                 unknown_weight;
            c.weight = std::min(most, c.weight);
        }
        for (auto const& existing : concepts) {
            if (!c.alternatives.empty() && existing.alternatives == c.alternatives) return;
        }
        concepts.push_back(std::move(c));
    };
    auto glossary_alternatives = [&](std::size_t group) {
        std::vector<std::vector<TermId>> alts;
        for (auto const& term : glossary.group_stems(group)) {
            std::vector<TermId> ids;
            for (auto const& stem : term) ids.push_back(find(stem));
            alts.push_back(std::move(ids));
        }
        return alts;
    };
    for (std::size_t i = 0; i < words.size();) {
        if (auto m = glossary.match(words, i, danish, english)) {
            auto alts = glossary_alternatives(m->group);
            std::vector<TermId> literal;
            std::string label;
            for (std::size_t k = i; k < i + m->words; ++k) {
                literal.push_back(find(danish.stem(words[k])));
                label += (label.empty() ? "" : " ") + words[k];
            }
            alts.push_back(std::move(literal));
            // A common word stays light when the glossary also knows it ("kommer", "give"): the
            // glossary says what it means, not that it decides the answer.
            bool const light = m->words == 1 && is_light_word(words[i]);
            add_known(std::move(label), std::move(alts), 1.0,
                      light ? light_weight : std::numeric_limits<double>::infinity());
            i += m->words;
            continue;
        }
        auto const& word = words[i++];
        auto const stem = danish.stem(word);
        auto id = find(stem);
        if (is_light_word(word)) {
            // Known or not, a common word weighs little: it rarely decides the answer.
            Concept c;
            c.label = word;
            if (id != no_term) c.alternatives.push_back({id});
            c.weight = std::min(light_weight, id != no_term ? idf(id) : light_weight);
            concepts.push_back(std::move(c));
            continue;
        }
        if (id != no_term) {
            std::vector<std::vector<TermId>> alts{{id}};
            for (auto t : inflected_relatives(stem)) alts.push_back({t});
            add_known(word, std::move(alts), 1.0);
            continue;
        }
        if (auto relatives = inflected_relatives(word); !relatives.empty()) {
            std::vector<std::vector<TermId>> alts;
            for (auto t : relatives) alts.push_back({t});
            add_known(word, std::move(alts), 1.0);
            continue;
        }
        // "hvilke breve …" when the base has only "abonnementsbrev" and "standardbreve": the
        // compounds ending in the word, as weak alternatives (a kind of the thing, not the thing).
        if (auto heads = compounds_by_head.find(stem); heads != compounds_by_head.end()) {
            std::vector<std::vector<TermId>> alts;
            for (auto t : heads->second) alts.push_back({t});
            add_known(word, std::move(alts), compound_head_penalty);
            continue;
        }
        auto parts = split_compound(word);
        // "indeholde" is a word of its own, not "inde" + "holde": a real word is split only
        // into parts that carry meaning.
        if (!parts.empty() && is_danish_word(word) &&
            std::any_of(parts.begin(), parts.end(), [](std::string const& part) { return is_light_word(part) || is_stop_word(part); })) {
            parts.clear();
        }
        if (!parts.empty()) {
            // A part the glossary knows means what the glossary says ("minimumskrav": "minimum"
            // is "mindst" in the base).
            for (auto const& part : parts) {
                std::vector<std::vector<TermId>> alts{{find(danish.stem(part))}};
                if (auto m = glossary.match({part}, 0, danish, english)) {
                    for (auto& alt : glossary_alternatives(m->group)) alts.push_back(std::move(alt));
                }
                add_known(part, std::move(alts), 1.0);
            }
            continue;
        }
        std::vector<std::vector<TermId>> alts;
        if (!is_real_word(word)) {  // a real Danish word the base lacks is not a typo of one it has
            auto candidates = typo_candidates(word);
            for (auto t : typo_candidates(danish.stem(word))) {
                if (std::find(candidates.begin(), candidates.end(), t) == candidates.end()) candidates.push_back(t);
            }
            for (auto t : candidates) alts.push_back({t});
        }
        add_known(word, std::move(alts), typo_penalty);
    }
    return concepts;
}

namespace {

/// "3.5", "4.0": numbers with a decimal point, as written.
std::vector<std::string> version_numbers(std::string_view text) {
    std::vector<std::string> out;
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    for (std::size_t i = 0; i < text.size();) {
        if (!digit(i) || (i > 0 && (digit(i - 1) || text[i - 1] == '.'))) {
            ++i;
            continue;
        }
        auto end = i;
        while (digit(end)) ++end;
        if (end + 1 < text.size() && text[end] == '.' && digit(end + 1)) {
            ++end;
            while (digit(end)) ++end;
            out.emplace_back(text.substr(i, end - i));
        }
        i = end;
    }
    return out;
}

/// The step asked for ("hvad er trin 3 i …", "what is step 2", "det andet skridt"): its number,
/// 0 when none is, and the word that names it.
std::pair<int, std::string> asked_step(std::vector<std::string> const& words) {
    static constexpr std::array<std::string_view, 7> step_words = {"trin", "trinnet", "skridt", "skridtet", "step", "punkt", "punktet"};
    static constexpr std::array<std::pair<std::string_view, int>, 11> ordinals = {
        {{"første", 1}, {"first", 1}, {"andet", 2}, {"anden", 2}, {"second", 2}, {"tredje", 3}, {"third", 3}, {"fjerde", 4},
         {"fourth", 4}, {"femte", 5}, {"fifth", 5}}};
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (std::find(step_words.begin(), step_words.end(), words[k]) == step_words.end()) continue;
        if (k + 1 < words.size() && words[k + 1].size() <= 2 && std::isdigit(static_cast<unsigned char>(words[k + 1][0]))) {
            return {std::atoi(words[k + 1].c_str()), words[k]};
        }
        if (k > 0) {
            for (auto const& [word, n] : ordinals) {
                if (words[k - 1] == word) return {n, words[k]};
            }
        }
    }
    return {0, {}};
}

}  // namespace

std::shared_ptr<AnalysedQuestion> KnowledgeIndex::Impl::analyse(std::string_view question) const {
    auto analysed = std::make_shared<AnalysedQuestion>();
    analysed->versions = version_numbers(question);
    bool const asked_in_english = detect_language(question) == Language::en;
    auto words = corrected_words(fold_case(question), asked_in_english, analysed->corrections);
    std::string corrected;
    for (auto const& w : words) corrected += (corrected.empty() ? "" : " ") + w;
    analysed->form = read_question_form(question, corrected);
    auto& form = analysed->form;
    // "udk?", "hvad er sts": a word that is one of the abbreviations the base spells out, asked
    // alone, asks for the expansion even in small letters.
    if (form.type == QuestionType::other || form.type == QuestionType::what_is) {
        std::vector<std::string> content;
        for (auto const& w : words) {
            if (!is_stop_word(w) && w.size() > 1) content.push_back(w);
        }
        if (content.size() == 1 && std::find(expanded.begin(), expanded.end(), content.front()) != expanded.end()) {
            form.type = QuestionType::stands_for;
            form.abbreviation = content.front();
        }
    }
    // "hvad står spock for": an abbreviation the base never spells out, one letter from one
    // it does, is that one.
    if (form.type == QuestionType::stands_for && form.abbreviation.size() >= 3 &&
        std::find(expanded.begin(), expanded.end(), form.abbreviation) == expanded.end()) {
        auto const asked = utf8::decode(form.abbreviation);
        for (auto const& known : expanded) {
            if (!one_edit_apart(asked, utf8::decode(known))) continue;
            analysed->corrections.push_back(form.abbreviation + " → " + known);
            for (auto& w : words) {
                if (w == form.abbreviation) w = known;
            }
            form.abbreviation = known;
            break;
        }
    }
    analysed->wanted_values = values_asked(words, form.type, form.cue_words);
    auto [step, step_word] = asked_step(words);
    analysed->step = step;
    // The word for a step says what is asked for, not what about ("trin" heads other sections).
    if (step > 0) form.cue_words.push_back(std::move(step_word));
    analysed->concepts = concepts_of(words, form, asked_in_english);
    return analysed;
}

}  // namespace superbruger::knowledge
