// KnowledgeIndex: vocabulary, compound splitting, typo candidates, BM25-style scoring with
// title/heading boosts, the question's type, and the coverage measure the bot uses to decide
// whether it knows.
#include "knowledge/index.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/excerpt.hpp"
#include "knowledge/language.hpp"
#include "knowledge/question.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace superbruger::knowledge {

namespace {

using TermId = std::uint32_t;
constexpr TermId no_term = ~TermId{0};

// BM25 parameters (the usual defaults) and field boosts, in units of a term's idf.
constexpr double k1 = 1.2;
constexpr double b = 0.6;
constexpr double heading_boost = 1.0;
constexpr double title_boost = 1.5;
constexpr double typo_penalty = 0.85;
// A word of the question that the base does not know weighs like a moderately rare word of the
// base (one that about one section in fifteen has), not like the rarest: a colloquial word
// ("udkommer", "tit") must not outweigh the words the base does know, while a question made only
// of unknown words still covers nothing and is declined. Relative to the base, so that a small
// index (the similar change requests) weighs the same way.
constexpr double unknown_share_of_sections = 1.0 / 15.0;
// The most a common word ("kommer", "nye", "get") weighs, known to the base or not.
constexpr double light_weight = 0.6;
// One edit turns too many short words into others ("kost" → "kort", "need" → "ned").
constexpr std::size_t min_typo_length = 5;
// Function words are corrected from four letters ("hvme" → "hvem", "waht" → "what").
constexpr std::size_t min_stop_typo_length = 4;
// Term frequencies are counted in halves: a whole word counts 2, a part of a compound word 1.
constexpr std::uint32_t whole_word = 2;
constexpr std::uint32_t compound_part = 1;

/// The string and every variant of it with one code point deleted: two strings are at most one
/// edit apart when their key sets meet (symmetric deletion, as in SymSpell).
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

/// One idea of the question: matched when any alternative (a sequence of terms) is present.
struct Concept {
    std::string label;  ///< the question's word(s), for explanations
    std::vector<std::vector<TermId>> alternatives;
    double weight = 0;  ///< idf; unknown concepts weigh `unknown_weight` and match nothing
};

constexpr std::uint32_t mark(QuestionType t) { return 1u << static_cast<unsigned>(t); }

/// The types whose answers have a mark of their own in the text (see gives_answer_of_type).
constexpr QuestionType marked_types[] = {QuestionType::when, QuestionType::how_often, QuestionType::how_many,
                                         QuestionType::may,  QuestionType::where,     QuestionType::why};

/// A sentence or list item of a section, with its terms and the kinds of answer it gives.
struct Unit {
    TextUnit span;
    std::vector<TermId> terms;  ///< sorted, unique
    std::uint32_t marks = 0;    ///< mark(type) for each type the unit answers
};

struct Passage {
    std::size_t document = 0;
    std::size_t section = 0;
    double length = 0;
    std::unordered_map<TermId, std::uint32_t> body;  ///< tf in halves
    std::unordered_set<TermId> heading;
    std::vector<Unit> units;
    std::uint32_t marks = 0;              ///< union of the units' marks
    std::vector<std::string> expansions;  ///< abbreviations (folded) the passage spells out
    std::vector<std::string> definitions; ///< those a sentence opens with ("SPOC står for …")
    std::uint32_t heading_fits = 0;       ///< mark(type) for each type the heading announces
};

bool contains_all(std::unordered_set<TermId> const& set, std::vector<TermId> const& terms) {
    return std::all_of(terms.begin(), terms.end(), [&](TermId t) { return set.contains(t); });
}


/// Words written in capitals (2–6 letters) in a text, folded: candidates for abbreviations it
/// may spell out ("SPOC står for …", "Økonomi i Rammearkitekturen (ØiR)").
std::vector<std::string> capital_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto start = i;
        std::size_t letters = 0;
        std::size_t capitals = 0;
        while (i < text.size()) {
            auto j = i;
            auto c = utf8::next(text, j);
            bool const upper = (c >= 'A' && c <= 'Z') || c == 0xC6 || c == 0xD8 || c == 0xC5;
            bool const lower = (c >= 'a' && c <= 'z') || c == 0xE6 || c == 0xF8 || c == 0xE5;
            if (!upper && !lower) break;
            ++letters;
            capitals += upper ? 1 : 0;
            i = j;
        }
        if (letters == 0) {
            utf8::next(text, i);
            continue;
        }
        if (letters >= 2 && letters <= 6 && capitals >= 2 && capitals + 1 >= letters) {
            out.push_back(fold_case(text.substr(start, i - start)));
        }
    }
    return out;
}

/// What a section's heading announces: "Opgaver …" answers tasks, "Udpegning og fase" when, …
std::uint32_t heading_marks(std::string const& folded_heading) {
    std::uint32_t m = 0;
    auto has = [&](std::string_view w) { return folded_heading.find(w) != std::string::npos; };
    if (has("opgave")) m |= mark(QuestionType::tasks);
    if (has("udpeg") || has("fase") || has("hvornår")) m |= mark(QuestionType::when);
    if (has("hvem")) m |= mark(QuestionType::who);
    if (has("sådan") || has("trin") || has("procedure") || has("hvordan")) m |= mark(QuestionType::how);
    if (has("hvorfor") || has("formål") || has("resultat")) m |= mark(QuestionType::why);
    if (has("regler") || has("kun ") || has("hvem må")) m |= mark(QuestionType::may);
    return m;
}

}  // namespace

struct AnalysedQuestion {
    QuestionForm form;
    std::vector<Concept> concepts;
    std::vector<std::string> corrections;  ///< "word → correction", for explanations
};

struct KnowledgeIndex::Impl {
    std::vector<Document> documents;
    Glossary glossary;
    std::shared_ptr<WordList const> dictionary;  ///< may be null or empty
    Stemmer danish{StemLanguage::danish};
    Stemmer english{StemLanguage::english};

    std::unordered_map<std::string, TermId> term_ids;
    std::vector<std::uint32_t> document_frequency;
    std::vector<Passage> passages;
    std::vector<std::unordered_set<TermId>> title_terms;         ///< per document: title + aliases
    std::vector<std::vector<std::vector<TermId>>> names;         ///< per document: title and each alias
    std::unordered_set<std::string> standalone_stems;            ///< stems seen as whole words
    std::unordered_map<std::string, TermId> surface_words;       ///< folded word → its stem's term
    std::unordered_map<std::u32string, std::vector<TermId>> deletions;  ///< typo neighbourhoods
    /// Typo neighbourhoods of the glossary's words (for English typos: "systme owner") and of the
    /// function words ("hvme", "waht"), mapping to the word meant.
    std::unordered_map<std::u32string, std::vector<std::string>> glossary_deletions;
    std::unordered_map<std::u32string, std::vector<std::string>> stop_deletions;
    std::unordered_set<std::string> glossary_words;
    std::unordered_set<TermId> actor_terms;  ///< roles and bodies: what a "hvem" answer names
    std::vector<std::string> expanded;       ///< every abbreviation some passage spells out
    std::vector<std::string> folded_headings;  ///< per passage
    double average_length = 1;
    double unknown_weight = 1;  ///< see unknown_share_of_sections

    TermId intern(std::string const& stem) {
        auto [it, added] = term_ids.try_emplace(stem, static_cast<TermId>(document_frequency.size()));
        if (added) document_frequency.push_back(0);
        return it->second;
    }

    TermId find(std::string const& stem) const {
        auto it = term_ids.find(stem);
        return it == term_ids.end() ? no_term : it->second;
    }

    double idf(TermId t) const {
        auto const n = static_cast<double>(passages.size());
        auto const df = t == no_term ? 0.0 : static_cast<double>(document_frequency[t]);
        return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    }

    bool is_real_word(std::string const& folded_word) const { return dictionary && dictionary->contains(folded_word); }

    /// "superbrugerrollen" → {"superbruger", "rollen"} when both parts are words of the base
    /// (a linking s or e may end the first part, as in "ændrings|ønske").
    std::vector<std::string> split_compound(std::string const& word) const {
        auto const w = utf8::decode(word);
        if (w.size() < 7) return {};
        // The right part has at least four letters: "næstved" is not "næst" + "ved".
        for (auto k = w.size() - 4; k >= 3; --k) {
            auto right = utf8::encode(w.substr(k));
            if (!standalone_stems.contains(danish.stem(right))) continue;
            auto left = w.substr(0, k);
            if (standalone_stems.contains(danish.stem(utf8::encode(left)))) return {utf8::encode(left), right};
            if ((left.back() == U's' || left.back() == U'e') && left.size() > 3 &&
                standalone_stems.contains(danish.stem(utf8::encode(left.substr(0, left.size() - 1))))) {
                return {utf8::encode(left.substr(0, left.size() - 1)), right};
            }
        }
        return {};
    }

    /// Terms one edit (insert, delete, substitute, transpose) away, by symmetric deletion.
    std::vector<TermId> typo_candidates(std::string const& stem) const {
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

    /// The one word of `neighbourhoods` one edit away from `word`, if exactly one is.
    static std::string only_neighbour(std::unordered_map<std::u32string, std::vector<std::string>> const& neighbourhoods,
                                      std::string const& word, std::size_t min_length) {
        auto const s = utf8::decode(word);
        if (s.size() < min_length) return {};
        std::string found;
        for (auto const& key : deletion_keys(s)) {
            auto it = neighbourhoods.find(key);
            if (it == neighbourhoods.end()) continue;
            for (auto const& w : it->second) {
                if (found.empty()) found = w;
                else if (w != found) return {};  // two words as near: no guess
            }
        }
        return found;
    }

    static void add_neighbourhood(std::unordered_map<std::u32string, std::vector<std::string>>& map, std::string const& word,
                                  std::size_t min_length) {
        auto const s = utf8::decode(word);
        if (s.size() < min_length) return;
        for (auto& key : deletion_keys(s)) {
            auto& words = map[std::move(key)];
            if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
        }
    }

    void build() {
        // Pass 1: which stems occur as whole words, for compound splitting.
        std::vector<std::vector<std::vector<Token>>> body_tokens(documents.size());
        for (std::size_t d = 0; d < documents.size(); ++d) {
            for (auto const& section : documents[d].sections) {
                body_tokens[d].push_back(analyze(section.text, danish));
                for (auto const& t : body_tokens[d].back()) standalone_stems.insert(t.stem);
                for (auto const& t : analyze(section.heading, danish)) standalone_stems.insert(t.stem);
            }
            for (auto const& t : analyze(documents[d].title, danish)) standalone_stems.insert(t.stem);
        }
        // Pass 2: terms per section, with the parts of compound words counted at half weight.
        for (std::size_t d = 0; d < documents.size(); ++d) {
            auto const& doc = documents[d];
            std::unordered_set<TermId> titles;
            std::vector<std::vector<TermId>> doc_names;
            std::vector<std::string> name_texts = doc.aliases;
            name_texts.insert(name_texts.begin(), doc.title);
            for (auto const& name : name_texts) {
                std::vector<TermId> ids;
                for (auto const& t : analyze(name, danish)) ids.push_back(intern(t.stem));
                titles.insert(ids.begin(), ids.end());
                if (doc.kind == "role") actor_terms.insert(ids.begin(), ids.end());
                if (!ids.empty()) doc_names.push_back(std::move(ids));
            }
            // The source counts like the title: "ifølge rollegalleriet" is then matched by every
            // gallery document and, being that common, weighs little.
            for (auto const& t : analyze(doc.source, danish)) titles.insert(intern(t.stem));
            title_terms.push_back(std::move(titles));
            names.push_back(std::move(doc_names));

            for (std::size_t s = 0; s < doc.sections.size(); ++s) {
                auto const& section = doc.sections[s];
                Passage p;
                p.document = d;
                p.section = s;
                for (auto const& t : body_tokens[d][s]) {
                    auto const id = intern(t.stem);
                    p.body[id] += whole_word;
                    surface_words.try_emplace(t.word, id);
                    for (auto const& part : split_compound(t.word)) p.body[intern(danish.stem(part))] += compound_part;
                }
                for (auto const& t : analyze(section.heading, danish)) p.heading.insert(intern(t.stem));
                p.length = static_cast<double>(body_tokens[d][s].size());
                p.heading_fits = heading_marks(fold_case(section.heading));
                folded_headings.push_back(fold_case(section.heading));
                std::unordered_set<TermId> seen;
                for (auto const& [t, tf] : p.body) seen.insert(t);
                seen.insert(p.heading.begin(), p.heading.end());
                seen.insert(title_terms[d].begin(), title_terms[d].end());
                for (auto t : seen) ++document_frequency[t];
                passages.push_back(std::move(p));
            }
        }
        double total = 0;
        for (auto const& p : passages) total += p.length;
        average_length = passages.empty() ? 1 : std::max(1.0, total / static_cast<double>(passages.size()));
        {
            auto const n = static_cast<double>(passages.size());
            auto const df = std::max(1.0, n * unknown_share_of_sections);
            unknown_weight = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
        }

        // Who answers "hvem": the roles' names and the bodies that act in the procedures.
        for (auto const& t : analyze("kommunen kommunerne KOMBIT Netcompany leverandøren styregruppen projektgruppen "
                                     "referencegruppe ledelsen lederne chefen IT-afdelingen brugerne medarbejderen "
                                     "implementeringskonsulenten rolleejeren superbrugerne",
                                     danish)) {
            actor_terms.insert(intern(t.stem));
        }
        for (auto& p : passages) build_units(p);

        // Typos are looked up among stems and among the words as written, since a misspelt
        // inflection ("systemejern") may stem differently from the word it was meant to be.
        auto add_term_neighbourhood = [&](std::string const& text, TermId id) {
            auto const s = utf8::decode(text);
            if (s.size() < min_typo_length) return;
            for (auto& key : deletion_keys(s)) {
                auto& ids = deletions[std::move(key)];
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
            }
        };
        for (auto const& [stem, id] : term_ids) add_term_neighbourhood(stem, id);
        for (auto const& [word, id] : surface_words) add_term_neighbourhood(word, id);
        for (auto const& word : glossary.words()) {
            glossary_words.insert(word);
            add_neighbourhood(glossary_deletions, word, min_typo_length);
        }
        for (auto const& word : stop_words_to_correct()) add_neighbourhood(stop_deletions, word, min_stop_typo_length);
    }

    static std::vector<std::string> stop_words_to_correct() {
        return {"hvem", "hvad", "hvornår", "hvordan", "hvilken", "hvilke", "hvilket", "hvorfor", "skal", "kan", "have",
                "what", "when", "where", "which", "who", "does", "should", "about", "there", "their", "with",
                "often", "ofte"};
    }

    void build_units(Passage& p) {
        auto const& text = documents[p.document].sections[p.section].text;
        for (auto const& span : split_units(text)) {
            Unit u;
            u.span = span;
            auto const unit_text = std::string_view(text).substr(span.begin, span.end - span.begin);
            for (auto const& t : analyze(unit_text, danish)) {
                auto const id = find(t.stem);
                if (id != no_term) u.terms.push_back(id);
                for (auto const& part : split_compound(t.word)) {
                    auto const pid = find(danish.stem(part));
                    if (pid != no_term) u.terms.push_back(pid);
                }
            }
            std::sort(u.terms.begin(), u.terms.end());
            u.terms.erase(std::unique(u.terms.begin(), u.terms.end()), u.terms.end());
            for (auto type : marked_types) {
                if (gives_answer_of_type(type, unit_text)) u.marks |= mark(type);
            }
            if (std::any_of(u.terms.begin(), u.terms.end(), [&](TermId t) { return actor_terms.contains(t); })) {
                u.marks |= mark(QuestionType::who);
            }
            for (auto const& word : capital_words(unit_text)) {
                if (gives_answer_of_type(QuestionType::stands_for, unit_text, word) &&
                    std::find(p.expansions.begin(), p.expansions.end(), word) == p.expansions.end()) {
                    p.expansions.push_back(word);
                    if (std::find(expanded.begin(), expanded.end(), word) == expanded.end()) expanded.push_back(word);
                }
                auto const unit_words = split_words(fold_case(unit_text));
                if (!unit_words.empty() && unit_words.front() == word && gives_answer_of_type(QuestionType::stands_for, unit_text, word) &&
                    std::find(p.definitions.begin(), p.definitions.end(), word) == p.definitions.end()) {
                    p.definitions.push_back(word);
                }
            }
            p.marks |= u.marks;
            p.units.push_back(std::move(u));
        }
    }

    double alternative_weight(std::vector<TermId> const& alt) const {
        double w = 0;
        for (auto t : alt) w = std::max(w, idf(t));
        return w;
    }

    /// Whether the base knows a folded question word as it is: a term, a part of a compound, or
    /// a word of the glossary.
    bool known_word(std::string const& w) const {
        return find(danish.stem(w)) != no_term || glossary_words.contains(w) || !split_compound(w).empty();
    }

    /// Spelling fixed before anything else: misspelt function words ("hvme" → "hvem") and words of
    /// the glossary ("systme" → "system"), never a real Danish word nor a word the base knows.
    std::vector<std::string> corrected_words(std::string_view folded, std::vector<std::string>& corrections) const {
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
        for (auto& w : words) {
            if (is_stop_word(w) || w.size() < min_stop_typo_length || is_real_word(w) || known_word(w)) continue;
            auto fix = only_neighbour(stop_deletions, w, min_stop_typo_length);
            if (fix.empty()) fix = only_neighbour(glossary_deletions, w, min_typo_length);
            if (fix.empty()) continue;
            corrections.push_back(w + " → " + fix);
            w = fix;
        }
        return words;
    }

    std::vector<Concept> concepts_of(std::vector<std::string> const& all_words, QuestionForm const& form, bool asked_in_english) const {
        std::vector<std::string> words;
        for (auto const& w : all_words) {
            if (is_stop_word(w)) continue;
            if (std::find(form.cue_words.begin(), form.cue_words.end(), w) != form.cue_words.end()) continue;
            if (w.size() < 2 && !(w[0] >= '0' && w[0] <= '9')) continue;  // the "s" of "Netcompany's"
            words.push_back(w);
        }
        std::vector<Concept> concepts;
        auto add_known = [&](std::string label, std::vector<std::vector<TermId>> alternatives, double penalty) {
            Concept c;
            c.label = std::move(label);
            for (auto& alt : alternatives) {
                if (alt.empty() || std::find(alt.begin(), alt.end(), no_term) != alt.end()) continue;
                c.weight = std::max(c.weight, alternative_weight(alt) * penalty);
                c.alternatives.push_back(std::move(alt));
            }
            // The base is Danish: an English word it lacks (a verb like "leads") can never match,
            // so it weighs less than a Danish one, and the glossary's words decide more.
            if (c.alternatives.empty()) c.weight = asked_in_english ? 0.6 * unknown_weight : unknown_weight;
            for (auto const& existing : concepts) {
                if (!c.alternatives.empty() && existing.alternatives == c.alternatives) return;
            }
            concepts.push_back(std::move(c));
        };
        for (std::size_t i = 0; i < words.size();) {
            if (auto m = glossary.match(words, i, danish, english)) {
                std::vector<std::vector<TermId>> alts;
                for (auto const& term : glossary.group_stems(m->group)) {
                    std::vector<TermId> ids;
                    for (auto const& stem : term) ids.push_back(find(stem));
                    alts.push_back(std::move(ids));
                }
                std::vector<TermId> literal;
                std::string label;
                for (std::size_t k = i; k < i + m->words; ++k) {
                    literal.push_back(find(danish.stem(words[k])));
                    label += (label.empty() ? "" : " ") + words[k];
                }
                alts.push_back(std::move(literal));
                add_known(std::move(label), std::move(alts), 1.0);
                i += m->words;
                continue;
            }
            auto const& word = words[i++];
            auto id = find(danish.stem(word));
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
                add_known(word, {{id}}, 1.0);
                continue;
            }
            auto parts = split_compound(word);
            if (!parts.empty()) {
                for (auto const& part : parts) add_known(part, {{find(danish.stem(part))}}, 1.0);
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

    std::shared_ptr<AnalysedQuestion> analyse(std::string_view question) const {
        auto analysed = std::make_shared<AnalysedQuestion>();
        auto words = corrected_words(fold_case(question), analysed->corrections);
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
        analysed->concepts = concepts_of(words, form, detect_language(question) == Language::en);
        return analysed;
    }

    /// Documents whose title or an alias is fully named by the question.
    std::vector<bool> named_documents(std::vector<Concept> const& concepts) const {
        std::unordered_set<TermId> asked;
        for (auto const& c : concepts) {
            for (auto const& alt : c.alternatives) asked.insert(alt.begin(), alt.end());
        }
        std::vector<bool> named(documents.size(), false);
        for (std::size_t d = 0; d < documents.size(); ++d) {
            for (auto const& name : names[d]) {
                if (contains_all(asked, name)) named[d] = true;
            }
        }
        return named;
    }

    std::uint32_t tf(Passage const& p, std::vector<TermId> const& alt) const {
        std::uint32_t least = ~std::uint32_t{0};
        for (auto t : alt) {
            auto it = p.body.find(t);
            least = std::min(least, it == p.body.end() ? 0u : it->second);
        }
        return alt.empty() ? 0 : least;
    }

    /// The part of a role's description the question asks for by name ("hvad skal X kunne" →
    /// Kompetencer, "ansvar" → Ansvar, "effekt" → the introduction), as a folded heading word;
    /// "-" for the introduction, empty for none.
    static std::string wanted_heading(std::vector<std::string> const& words) {
        for (auto const& w : words) {
            if (w.starts_with("kompeten") || w.starts_with("kompetan") || w.starts_with("competen") ||
                w.starts_with("skill") || w.starts_with("qualif") || w == "kunne" || w == "kvalifikationer") {
                return "kompetence";
            }
            if (w.starts_with("ansvar") || w.starts_with("responsib")) return "ansvar";
            if (w.starts_with("effekt") || w == "effect" || w == "effects") return "-";
        }
        return {};
    }

    /// Wording that asks for a description of a topic, whatever the question's type.
    static bool describes_topic(std::string_view question) {
        auto const q = fold_case(question);
        for (auto cue : {"hvad laver", "hvad er ", "hvad gør", "hvad betyder", "hvad indebærer", "hvad består", "beskriv",
                         "forklar", "what does", "what is", "what are", "what do ", "describe", "explain", "hvad går",
                         "hvad vil det sige"}) {
            if (q.find(cue) != std::string::npos) return true;
        }
        return false;
    }

    /// The weight of the question's concepts a unit of text contains; the document's names and
    /// the section's heading count as part of every sentence under them ("Er supportberettiget"
    /// in the superbruger's tasks is about the superbruger).
    double unit_cover(Passage const& p, Unit const& u, std::vector<Concept> const& concepts, bool with_context = true) const {
        double s = 0;
        for (auto const& c : concepts) {
            for (auto const& alt : c.alternatives) {
                bool const present = std::all_of(alt.begin(), alt.end(), [&](TermId t) {
                    return std::binary_search(u.terms.begin(), u.terms.end(), t) ||
                           (with_context && (p.heading.contains(t) || title_terms[p.document].contains(t)));
                });
                if (present) {
                    s += c.weight;
                    break;
                }
            }
        }
        return s;
    }

    /// Whether a passage has a sentence that gives the kind of answer the question asks for, and
    /// gives it about the question's topic: a number in a sentence about something else does not
    /// answer "hvor mange kommuner …", nor a date in a sentence on another matter "hvornår …".
    bool fits_type(Passage const& p, QuestionForm const& form, std::vector<Concept> const& concepts, double total_weight) const {
        if (form.type == QuestionType::stands_for) {
            return form.abbreviation.empty() ||
                   std::find(p.expansions.begin(), p.expansions.end(), form.abbreviation) != p.expansions.end();
        }
        bool const marked = form.type == QuestionType::who ||
                            std::find(std::begin(marked_types), std::end(marked_types), form.type) != std::end(marked_types);
        if (!marked) return true;
        if ((p.marks & mark(form.type)) == 0) return false;
        double const needed = (form.type == QuestionType::how_many ? 0.5 : 0.3) * total_weight;
        for (auto const& u : p.units) {
            // A count must be about the thing counted in the sentence itself, not in the title.
            bool const context = form.type != QuestionType::how_many;
            if ((u.marks & mark(form.type)) != 0 && unit_cover(p, u, concepts, context) >= needed) return true;
        }
        return false;
    }

    /// How much a passage without the kind of answer asked for loses in rank (and, for
    /// quantities and expansions, in confidence: without them it is at best half an answer).
    static double type_miss_factor(QuestionType type) {
        switch (type) {
            case QuestionType::when: return 0.7;
            case QuestionType::how_often: return 0.6;
            case QuestionType::how_many: return 1.0;  // handled through the confidence
            case QuestionType::stands_for: return 0.5;
            case QuestionType::who: return 0.8;
            case QuestionType::may: return 0.9;
            case QuestionType::where: return 0.7;
            case QuestionType::why: return 0.85;
            case QuestionType::other:
            case QuestionType::what_is:
            case QuestionType::tasks:
            case QuestionType::how: return 1.0;
        }
        return 1.0;
    }

    SearchResult search(std::string_view question, std::size_t max_hits) const {
        SearchResult result;
        auto analysed = analyse(question);
        result.question = analysed;
        auto const& concepts = analysed->concepts;
        auto const& form = analysed->form;
        double total_weight = 0;
        for (auto const& c : concepts) total_weight += c.weight;
        if (concepts.empty() || total_weight <= 0) return result;

        auto const named = named_documents(concepts);
        auto const wanted = wanted_heading(split_words(fold_case(question)));
        std::string topic;  // the question's words when they are one or two concepts: a heading's words
        if (concepts.size() <= 2) {
            for (auto const& c : concepts) topic += (topic.empty() ? "" : " ") + c.label;
        }
        // Asking about a topic by name ("hvad er X", "hvilken opgave beskriver X") prefers the
        // named document; its introduction answers what X is, its "Opgaver" what X does.
        auto const describes = describes_topic(question);
        auto const definition = describes || form.type == QuestionType::what_is || form.type == QuestionType::tasks ||
                                form.type == QuestionType::stands_for;
        auto const wants_intro = form.type == QuestionType::what_is || form.type == QuestionType::stands_for ||
                                 (describes && form.type != QuestionType::tasks) ||
                                 (form.type == QuestionType::other && concepts.size() == 1);

        // Pass 1, every passage: relevance, coverage and the boosts that cost a lookup. Pass 2, the
        // best of them only: the checks that read the sentences (the kind of answer, proximity),
        // which can only lower a rank, to a fifth at most.
        struct Candidate {
            std::size_t passage;
            double coverage;
            double rank;
        };
        std::vector<Candidate> candidates;
        for (std::size_t i = 0; i < passages.size(); ++i) {
            auto const& p = passages[i];
            double score = 0;
            double covered = 0;
            for (auto const& c : concepts) {
                double best = 0;
                bool matched = false;
                for (auto const& alt : c.alternatives) {
                    auto const f = static_cast<double>(tf(p, alt)) / whole_word;
                    double s = 0;
                    if (f > 0) s += c.weight * f * (k1 + 1) / (f + k1 * (1 - b + b * p.length / average_length));
                    if (contains_all(p.heading, alt)) s += c.weight * heading_boost;
                    if (contains_all(title_terms[p.document], alt)) s += c.weight * title_boost;
                    if (s > 0) matched = true;
                    best = std::max(best, s);
                }
                score += best;
                if (matched) covered += c.weight;
            }
            if (score <= 0) continue;
            auto const coverage = covered / total_weight;
            double rank = score * coverage * coverage * coverage;
            if ((p.heading_fits & mark(form.type)) != 0) rank *= form.type == QuestionType::tasks ? 3.0 : form.type == QuestionType::how ? 2.0 : 1.5;
            // A section headed by exactly the topic asked about ("hvad er FK Organisation?") is about it.
            if (!topic.empty() && folded_headings[i] == topic) rank *= 3.0;
            // The passage that opens with the abbreviation and spells it out is its definition.
            if (form.type == QuestionType::stands_for &&
                std::find(p.definitions.begin(), p.definitions.end(), form.abbreviation) != p.definitions.end()) {
                rank *= 3.0;
            }
            if (!wanted.empty()) {
                auto const& heading = folded_headings[i];
                if (wanted == "-" ? heading.empty() : heading.find(wanted) != std::string::npos) rank *= 2.0;
            }
            // The role named after an abbreviation (ØiR-koordinator) is not what the abbreviation means.
            if (named[p.document] && form.type != QuestionType::stands_for) {
                rank *= definition ? 1.6 : 1.2;
                if (wants_intro && documents[p.document].sections[p.section].heading.empty()) rank *= 1.3;
            }
            candidates.push_back({i, coverage, rank});
        }
        constexpr std::size_t checked = 24;
        auto const cut = std::min(checked, candidates.size());
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(cut), candidates.end(),
                          [](Candidate const& a, Candidate const& c) { return a.rank > c.rank; });
        std::vector<Hit> scored;
        for (std::size_t k = 0; k < cut; ++k) {
            auto const& cand = candidates[k];
            auto const& p = passages[cand.passage];
            auto coverage = cand.coverage;
            auto rank = cand.rank;
            bool const fits = fits_type(p, form, concepts, total_weight);
            // A passage without any number cannot answer "how many", nor one that never spells the
            // abbreviation out "what does it stand for": each is at best half an answer.
            if (!fits && (form.type == QuestionType::how_many || form.type == QuestionType::stands_for)) {
                coverage *= 0.5;
                rank *= 0.125;
            }
            // Proximity: a passage with one sentence that holds most of the question beats one
            // whose matches are spread over sentences on other matters.
            double focus = 0;
            for (auto const& u : p.units) focus = std::max(focus, unit_cover(p, u, concepts));
            rank *= 0.4 + 0.6 * focus / total_weight;
            if (!fits) rank *= type_miss_factor(form.type);
            Hit h;
            h.document = p.document;
            h.section = p.section;
            h.score = rank;
            h.confidence = coverage;
            scored.push_back(std::move(h));
        }
        std::sort(scored.begin(), scored.end(), [](Hit const& a, Hit const& c) { return a.score > c.score; });
        std::unordered_set<std::size_t> used_documents;
        for (auto& h : scored) {
            if (result.hits.size() >= max_hits) break;
            if (!used_documents.insert(h.document).second) continue;
            auto const& doc = documents[h.document];
            h.source = {doc.id, doc.title, doc.sections[h.section].heading, doc.source};
            result.hits.push_back(std::move(h));
        }
        return result;
    }

    std::string explain(std::string_view question) const {
        std::vector<std::string const*> stems(document_frequency.size());
        for (auto const& [stem, id] : term_ids) stems[id] = &stem;
        std::string out;
        auto const result = search(question, 3);
        auto const& form = result.question->form;
        out += "type " + std::string(type_name(form.type));
        if (!form.abbreviation.empty()) out += " (abbreviation \"" + form.abbreviation + "\")";
        for (auto const& w : form.cue_words) out += " cue \"" + w + "\"";
        out += "\n";
        for (auto const& c : result.question->corrections) out += "spelling " + c + "\n";
        for (auto const& c : result.question->concepts) {
            out += "concept \"" + c.label + "\" weight " + std::to_string(c.weight) + ":";
            if (c.alternatives.empty()) out += " (unknown word)";
            for (auto const& alt : c.alternatives) {
                out += " [";
                for (std::size_t k = 0; k < alt.size(); ++k) out += (k ? " " : "") + *stems[alt[k]];
                out += "]";
            }
            out += "\n";
        }
        for (auto const& h : result.hits) {
            out += "hit " + h.source.document_id + " › " + h.source.section + ": rank " + std::to_string(h.score) +
                   ", confidence " + std::to_string(h.confidence) + "\n";
        }
        return out;
    }

    std::string excerpt(SearchResult const& result, Hit const& hit, std::size_t max_chars) const {
        if (!result.question) return {};
        auto const& concepts = result.question->concepts;
        auto const& form = result.question->form;
        Passage const* passage = nullptr;
        for (auto const& p : passages) {
            if (p.document == hit.document && p.section == hit.section) passage = &p;
        }
        if (passage == nullptr) return {};
        auto const& text = documents[hit.document].sections[hit.section].text;
        double strongest = 0;
        for (auto const& c : concepts) strongest = std::max(strongest, c.weight);
        std::vector<TextUnit> spans;
        std::vector<double> scores;
        for (auto const& u : passage->units) {
            double s = unit_cover(*passage, u, concepts, false);
            // The sentence that gives the kind of answer asked for leads, if it is on the topic.
            bool const gives = form.type == QuestionType::stands_for
                                   ? gives_answer_of_type(form.type, std::string_view(text).substr(u.span.begin, u.span.end - u.span.begin),
                                                          form.abbreviation)
                                   : (u.marks & mark(form.type)) != 0;
            if (s > 0 && gives) s += 0.75 * strongest;
            spans.push_back(u.span);
            scores.push_back(s);
        }
        return compose_excerpt(text, spans, scores, max_chars, leads_with_answer(form.type));
    }
};

KnowledgeIndex::KnowledgeIndex(std::vector<Document> documents, Glossary glossary, std::shared_ptr<WordList const> dictionary)
    : impl_(std::make_unique<Impl>()) {
    impl_->documents = std::move(documents);
    impl_->glossary = std::move(glossary);
    impl_->dictionary = std::move(dictionary);
    impl_->build();
}

KnowledgeIndex::~KnowledgeIndex() = default;

SearchResult KnowledgeIndex::search(std::string_view question, std::size_t max_hits) const {
    return impl_->search(question, max_hits);
}

std::string KnowledgeIndex::excerpt(SearchResult const& result, Hit const& hit, std::size_t max_chars) const {
    return impl_->excerpt(result, hit, max_chars);
}

std::string KnowledgeIndex::explain(std::string_view question) const { return impl_->explain(question); }

QuestionType KnowledgeIndex::question_type(SearchResult const& result) noexcept {
    return result.question ? result.question->form.type : QuestionType::other;
}

std::vector<Document> const& KnowledgeIndex::documents() const noexcept { return impl_->documents; }

std::size_t KnowledgeIndex::section_count() const noexcept { return impl_->passages.size(); }

}  // namespace superbruger::knowledge
