// The knowledge index's inside, private to knowledge/: its data (vocabulary, passages, postings)
// and the parts that work on it, each defined in a file of its own:
//   index_build.cpp        the vocabulary, passages, sentences and postings, from the documents
//   question_analysis.cpp  spelling, compounds, typos: the question's concepts and type
//   ranking.cpp            scoring the passages that share a term, the checks of the best few
//   index.cpp              the public face, excerpts and explanations
#pragma once

#include "knowledge/danish_text.hpp"
#include "knowledge/edit_distance.hpp"
#include "knowledge/excerpt.hpp"
#include "knowledge/index.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace superbruger::knowledge {

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
// Unknown words in units of unknown_weight: a real Danish word of the dictionary, a real
// English one (the base is Danish, so an English word it lacks is more often a translation gap),
// and an English word no dictionary has. A Danish word no dictionary has weighs 1.
constexpr double unknown_real_word = 2.0;
constexpr double unknown_english_real_word = 1.5;
constexpr double unknown_english_word = 0.6;
/// A word found only as the last part of compounds ("brev" in "abonnementsbrev") weighs this
/// share of those compounds' weight.
constexpr double compound_head_penalty = 0.7;
// The most a common word ("kommer", "nye", "get") weighs, known to the base or not.
constexpr double light_weight = 0.6;
// One edit turns too many short words into others ("kost" → "kort", "need" → "ned").
constexpr std::size_t min_typo_length = 5;
// Function words are corrected from four letters ("hvme" → "hvem", "waht" → "what").
constexpr std::size_t min_stop_typo_length = 4;
// Term frequencies are counted in halves: a whole word counts 2, a part of a compound word 1.
constexpr std::uint32_t whole_word = 2;
constexpr std::uint32_t compound_part = 1;

constexpr std::uint32_t mark(QuestionType t) { return 1u << static_cast<unsigned>(t); }

/// The types whose answers have a mark of their own in the text (see gives_answer_of_type).
constexpr QuestionType marked_types[] = {QuestionType::when, QuestionType::how_often, QuestionType::how_many,
                                         QuestionType::may,  QuestionType::where,     QuestionType::why};

/// Sorted, unique term ids.
using TermSet = std::vector<TermId>;

inline bool has_term(TermSet const& set, TermId t) { return std::binary_search(set.begin(), set.end(), t); }

/// One idea of the question: matched when any alternative (a sequence of terms) is present.
struct Concept {
    std::string label;  ///< the question's word(s), for explanations
    std::vector<std::vector<TermId>> alternatives;
    double weight = 0;  ///< idf; unknown concepts weigh `unknown_weight` and match nothing
};

/// A sentence or list item of a section, with its terms and the kinds of answer it gives.
struct Unit {
    TextUnit span;
    TermSet terms;
    std::uint32_t marks = 0;  ///< mark(type) for each type the unit answers
    std::uint8_t values = 0;  ///< value_bit(kind) for each kind of value the unit holds (see Value)
};

struct Passage {
    std::size_t document = 0;
    std::size_t section = 0;
    double length = 0;
    double length_norm = 0;  ///< BM25's share of the length in its denominator: k1·(1 − b + b·length/average)
    TermSet heading;
    TermSet context;  ///< heading and the document's names: part of every sentence under them
    std::vector<Unit> units;
    std::uint32_t marks = 0;              ///< union of the units' marks
    std::vector<std::string> expansions;  ///< abbreviations (folded) the passage spells out
    std::vector<std::string> definitions; ///< those a sentence opens with ("SPOC står for …")
    std::uint32_t heading_fits = 0;       ///< mark(type) for each type the heading announces
    std::string folded_heading;
    bool of_role = false;  ///< the document describes a role (kind "role"): what a "hvem" answer names
};

/// A passage that has a term (in its body, heading or names). For an alternative of several
/// terms, the passages that have all of them: the least tf, and whether all are in the heading,
/// all in the names.
struct Posting {
    std::uint32_t passage = 0;
    std::uint32_t tf = 0;  ///< in the body, in halves (see whole_word)
    bool in_heading = false;
    bool in_title = false;
};

struct AnalysedQuestion {
    QuestionForm form;
    std::vector<Concept> concepts;
    std::vector<std::string> corrections;  ///< "word → correction", for explanations
    /// Version-like numbers as written ("3.5", "4.0"): the words split them into digits that
    /// match any number, so the passage must have them whole to answer.
    std::vector<std::string> versions;
    /// value_bit(kind) for each kind of value the question asks for by name (see values_asked):
    /// a passage without one on the topic has the topic, not the answer. A mail address
    /// ("mailadressen til …") must be in a sentence about most of the question; a phone number
    /// ("tlf") anywhere in the passage (a passage without one names the person or the desk, no
    /// more); the other kinds in a sentence about the whole question (see gives_value).
    std::uint8_t wanted_values = 0;
    /// "hvad er trin 3 i …": the excerpt leads with the list item numbered so; 0 for none.
    int step = 0;
};

/// Whether a unit is the list item "N. …".
bool starts_step(std::string_view unit, int step);

struct KnowledgeIndex::Impl {
    std::vector<Document> documents;
    Glossary glossary;
    std::shared_ptr<WordList const> dictionary;          ///< Danish; may be null or empty
    std::shared_ptr<WordList const> english_dictionary;  ///< may be null or empty
    Stemmer danish{StemLanguage::danish};
    Stemmer english{StemLanguage::english};

    std::unordered_map<std::string, TermId> term_ids;
    std::vector<std::uint32_t> document_frequency;
    std::vector<std::vector<Posting>> postings;  ///< per term, by passage
    std::vector<Passage> passages;
    std::vector<std::size_t> first_passage;                      ///< per document: index of its first section's passage
    std::vector<TermSet> title_terms;                            ///< per document: title + aliases + source
    std::vector<std::vector<std::vector<TermId>>> names;         ///< per document: title and each alias
    /// Per term: the (document, name) pairs of `names` whose first term it is.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> names_beginning_with;
    std::unordered_set<std::string> standalone_stems;            ///< stems seen as whole words
    /// Compounds of the base by their last part, a word of the dictionary ("brev" → the terms of
    /// "abonnementsbrev", "standardbrev"): a word the base has only inside compounds.
    std::unordered_map<std::string, std::vector<TermId>> compounds_by_head;
    std::unordered_map<std::string, TermId> surface_words;       ///< folded word → its stem's term
    std::unordered_map<std::u32string, std::vector<TermId>> deletions;  ///< typo neighbourhoods of the terms
    /// Typo neighbourhoods of the glossary's words (for English typos: "systme owner") and of the
    /// function words ("hvme", "waht").
    WordNeighbourhoods glossary_neighbours{min_typo_length};
    WordNeighbourhoods stop_neighbours{min_stop_typo_length};
    std::unordered_set<std::string> english_stop_words;  ///< the English ones of stop_neighbours
    std::unordered_set<std::string> glossary_words;
    std::unordered_set<TermId> actor_terms;  ///< roles and bodies: what a "hvem" answer names
    std::vector<std::string> expanded;       ///< every abbreviation some passage spells out
    double average_length = 1;
    double unknown_weight = 1;  ///< see unknown_share_of_sections

    /// Per-search accumulators, one slot per passage, kept between searches so that scoring
    /// allocates nothing once warm (searching is single-threaded, see KnowledgeIndex).
    struct Scratch {
        std::vector<double> score;
        std::vector<double> covered;
        std::vector<double> best;           ///< the current concept's best alternative
        std::vector<std::uint32_t> touched;          ///< passages with a score in this search
        std::vector<std::uint32_t> concept_touched;  ///< passages the current concept matched
        std::vector<Posting> matches;  ///< passages of the current alternative
        std::vector<Posting> merged;
        struct Candidate {
            std::uint32_t passage;
            double coverage;
            double rank;
        };
        std::vector<Candidate> candidates;
        std::vector<Concept const*> open_concepts;  ///< best_unit_cover's concepts not in the context
        std::vector<std::uint8_t> asked;            ///< per term: named by the searched question (mark_asked)
        std::vector<TermId> marked;                 ///< the terms set in `asked`, to clear them
    };
    mutable Scratch scratch;

    // index_build.cpp
    void build();
    void build_units(Passage& p, std::unordered_set<std::string> const& common_words);
    TermId intern(std::string const& stem);

    // question_analysis.cpp
    TermId find(std::string const& stem) const {
        auto it = term_ids.find(stem);
        return it == term_ids.end() ? no_term : it->second;
    }
    double idf(TermId t) const;
    bool is_danish_word(std::string const& folded_word) const { return dictionary && dictionary->contains(folded_word); }
    bool is_real_word(std::string const& folded_word) const {
        return is_danish_word(folded_word) || (english_dictionary && english_dictionary->contains(folded_word));
    }
    std::vector<std::string> split_compound(std::string const& word) const;
    void index_compound_heads();
    std::vector<std::string> elided_compounds(std::string_view text) const;
    std::vector<TermId> typo_candidates(std::string const& stem) const;
    std::string swapped_known_word(std::string const& word) const;
    std::vector<std::string> glossary_compound(std::string const& word) const;
    std::vector<TermId> inflected_relatives(std::string const& stem) const;
    bool is_danish_verb_form(std::string const& word) const;
    bool is_danish_compound(std::string const& word) const;
    double alternative_weight(std::vector<TermId> const& alt) const;
    bool known_word(std::string const& w) const;
    std::vector<std::string> corrected_words(std::string_view folded, bool asked_in_english, std::vector<std::string>& corrections) const;
    std::vector<Concept> concepts_of(std::vector<std::string> const& all_words, QuestionForm const& form,
                                     bool asked_in_english) const;
    std::shared_ptr<AnalysedQuestion> analyse(std::string_view question) const;

    // ranking.cpp
    SearchResult search(std::string_view question, std::size_t max_hits) const;
    void mark_asked(std::vector<Concept> const& concepts) const;
    void clear_asked() const;
    std::vector<bool> named_documents() const;
    void match_alternative(std::vector<TermId> const& alt) const;
    double unit_cover(Passage const& p, Unit const& u, std::vector<Concept> const& concepts, bool with_context = true) const;
    double actor_focus(Passage const& p, std::vector<Concept> const& concepts) const;
    double best_unit_cover(Passage const& p, std::vector<Concept> const& concepts) const;
    bool fits_type(Passage const& p, QuestionForm const& form, std::vector<Concept> const& concepts, double total_weight) const;
    bool gives_value(Passage const& p, Value kind, std::vector<Concept> const& concepts, double total_weight) const;
    bool names_versions(Passage const& p, std::vector<std::string> const& versions) const;
    bool has_step(Passage const& p, int step) const;

    // index.cpp
    Passage const* passage_of(std::size_t document, std::size_t section) const;
    std::string explain(std::string_view question) const;
    std::string excerpt(SearchResult const& result, Hit const& hit, std::size_t max_chars) const;
    /// "Rolleadministrator: " when an excerpt of a role's section never names the role (and
    /// "Heading: " when one of another section opens by pointing back at it); empty otherwise.
    std::string subject_lead(Passage const& passage, std::string_view excerpt) const;
};

}  // namespace superbruger::knowledge
