// KnowledgeIndex: vocabulary, compound splitting, typo candidates, BM25-style scoring with
// title/heading boosts, and the coverage measure the bot uses to decide whether it knows.
#include "knowledge/index.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/excerpt.hpp"
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
// One edit turns too many short words into others ("kost" → "kort", "need" → "ned").
constexpr std::size_t min_typo_length = 5;
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

/// One idea of the question: matched when any alternative (a sequence of terms) is present.
struct Concept {
    std::string label;  ///< the question's word(s), for explanations
    std::vector<std::vector<TermId>> alternatives;
    double weight = 0;  ///< idf; unknown concepts keep the highest idf and match nothing
};

struct Passage {
    std::size_t document = 0;
    std::size_t section = 0;
    double length = 0;
    std::unordered_map<TermId, std::uint32_t> body;  ///< tf in halves
    std::unordered_set<TermId> heading;
    bool states_quantity = false;  ///< has a number or a word of quantity, for "hvor mange" questions
};

/// "hvor mange kommuner …", "how much does … cost": the answer must be a quantity.
bool asks_for_quantity(std::string_view folded_question) {
    for (auto cue : {"hvor mange", "hvor meget", "hvor stor", "how many", "how much", "hvad koster", "what does it cost",
                     "antal ", "number of"}) {
        if (folded_question.find(cue) != std::string_view::npos) return true;
    }
    return false;
}

bool states_quantity(std::string_view text) {
    static std::unordered_set<std::string_view> const words = {
        "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "tolv", "flere", "ingen", "kun",
        "one", "two", "three", "four", "five", "several", "only", "single", "pris", "price"};
    for (auto const& w : split_words(fold_case(text))) {
        if (words.contains(w) || std::isdigit(static_cast<unsigned char>(w.front()))) return true;
    }
    // "én" folds to "en", the article, so the accented form is looked for in the raw text.
    return text.find("én") != std::string_view::npos;
}

bool contains_all(std::unordered_set<TermId> const& set, std::vector<TermId> const& terms) {
    return std::all_of(terms.begin(), terms.end(), [&](TermId t) { return set.contains(t); });
}

}  // namespace

struct AnalysedQuestion {
    std::vector<Concept> concepts;
};

struct KnowledgeIndex::Impl {
    std::vector<Document> documents;
    Glossary glossary;
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
    double average_length = 1;

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

    /// "superbrugerrollen" → {"superbruger", "rollen"} when both parts are words of the base
    /// (a linking s or e may end the first part, as in "ændrings|ønske").
    std::vector<std::string> split_compound(std::string const& word) const {
        auto const w = utf8::decode(word);
        if (w.size() < 7) return {};
        for (auto k = w.size() - 3; k >= 3; --k) {
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
                if (!ids.empty()) doc_names.push_back(std::move(ids));
            }
            // The source counts like the title: "ifølge rollegalleriet" is then matched by every
            // gallery document and, being that common, weighs little.
            for (auto const& t : analyze(doc.source, danish)) titles.insert(intern(t.stem));
            title_terms.push_back(std::move(titles));
            names.push_back(std::move(doc_names));

            for (std::size_t s = 0; s < doc.sections.size(); ++s) {
                Passage p;
                p.document = d;
                p.section = s;
                for (auto const& t : body_tokens[d][s]) {
                    auto const id = intern(t.stem);
                    p.body[id] += whole_word;
                    surface_words.try_emplace(t.word, id);
                    for (auto const& part : split_compound(t.word)) p.body[intern(danish.stem(part))] += compound_part;
                }
                for (auto const& t : analyze(doc.sections[s].heading, danish)) p.heading.insert(intern(t.stem));
                p.length = static_cast<double>(body_tokens[d][s].size());
                p.states_quantity = states_quantity(doc.sections[s].text);
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

        // Typos are looked up among stems and among the words as written, since a misspelt
        // inflection ("systemejern") may stem differently from the word it was meant to be.
        auto add_neighbourhood = [&](std::string const& text, TermId id) {
            auto const s = utf8::decode(text);
            if (s.size() < min_typo_length) return;
            for (auto& key : deletion_keys(s)) {
                auto& ids = deletions[std::move(key)];
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
            }
        };
        for (auto const& [stem, id] : term_ids) add_neighbourhood(stem, id);
        for (auto const& [word, id] : surface_words) add_neighbourhood(word, id);
    }

    double alternative_weight(std::vector<TermId> const& alt) const {
        double w = 0;
        for (auto t : alt) w = std::max(w, idf(t));
        return w;
    }

    std::vector<Concept> concepts_of(std::string_view question) const {
        std::vector<std::string> words;
        for (auto& w : split_words(fold_case(question))) {
            if (is_stop_word(w)) continue;
            if (w.size() < 2 && !(w[0] >= '0' && w[0] <= '9')) continue;  // the "s" of "Netcompany's"
            words.push_back(std::move(w));
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
            if (c.alternatives.empty()) c.weight = idf(no_term);
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
            auto candidates = typo_candidates(word);
            for (auto t : typo_candidates(danish.stem(word))) {
                if (std::find(candidates.begin(), candidates.end(), t) == candidates.end()) candidates.push_back(t);
            }
            for (auto t : candidates) alts.push_back({t});
            add_known(word, std::move(alts), typo_penalty);
        }
        return concepts;
    }

    static bool is_definition_question(std::string_view question) {
        auto const q = fold_case(question);
        for (auto cue : {"hvad laver", "hvad er ", "hvad gør", "hvad betyder", "hvad indebærer", "hvad består",
                         "beskriv", "forklar", "what does", "what is", "what are", "what do ", "describe",
                         "explain", "hvad går", "hvad vil det sige"}) {
            if (q.find(cue) != std::string::npos) return true;
        }
        return false;
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

    SearchResult search(std::string_view question, std::size_t max_hits) const {
        SearchResult result;
        auto analysed = std::make_shared<AnalysedQuestion>(AnalysedQuestion{concepts_of(question)});
        result.question = analysed;
        auto const& concepts = analysed->concepts;
        double total_weight = 0;
        for (auto const& c : concepts) total_weight += c.weight;
        if (concepts.empty() || total_weight <= 0) return result;

        auto const named = named_documents(concepts);
        auto const definition = is_definition_question(question);
        auto const quantity = asks_for_quantity(fold_case(question));

        std::vector<Hit> scored;
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
            auto coverage = covered / total_weight;
            // A passage without any number cannot answer "how many": it is at best half an answer.
            if (quantity && !p.states_quantity) coverage *= 0.5;
            double rank = score * coverage * coverage * coverage;
            if (named[p.document]) {
                rank *= definition ? 1.6 : 1.2;
                if (definition && documents[p.document].sections[p.section].heading.empty()) rank *= 1.3;
            }
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
        auto score_unit = [&](std::string_view unit) {
            std::unordered_set<TermId> present;
            for (auto const& t : analyze(unit, danish)) present.insert(find(t.stem));
            double s = 0;
            for (auto const& c : concepts) {
                for (auto const& alt : c.alternatives) {
                    if (contains_all(present, alt)) {
                        s += c.weight;
                        break;
                    }
                }
            }
            return s;
        };
        return best_excerpt(documents[hit.document].sections[hit.section].text, max_chars, score_unit);
    }
};

KnowledgeIndex::KnowledgeIndex(std::vector<Document> documents, Glossary glossary) : impl_(std::make_unique<Impl>()) {
    impl_->documents = std::move(documents);
    impl_->glossary = std::move(glossary);
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

std::vector<Document> const& KnowledgeIndex::documents() const noexcept { return impl_->documents; }

std::size_t KnowledgeIndex::section_count() const noexcept { return impl_->passages.size(); }

}  // namespace superbruger::knowledge
