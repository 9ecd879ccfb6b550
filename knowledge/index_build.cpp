// Building the knowledge index from the documents: the vocabulary (stems, compound parts, typo
// neighbourhoods), the passages with their sentences and the kinds of answer each gives, and the
// postings that let a search touch only the passages sharing a term with the question.
#include "knowledge/index_impl.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/question.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace superbruger::knowledge {

namespace {

bool is_capital(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool is_small(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }

/// The runs of letters of a text, each with the byte offset just past it.
template <class Visit>
void for_each_letter_run(std::string_view text, Visit const& visit) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto const start = i;
        std::u32string run;
        while (i < text.size()) {
            auto j = i;
            auto const c = utf8::next(text, j);
            if (!is_capital(c) && !is_small(c)) break;
            run += c;
            i = j;
        }
        if (run.empty()) {
            utf8::next(text, i);
            continue;
        }
        visit(text.substr(start, i - start), run, i);
    }
}

/// Words written in capitals (2–6 letters) in a text, folded: candidates for abbreviations it
/// may spell out ("SPOC står for …", "Økonomi i Rammearkitekturen (ØiR)").
std::vector<std::string> capital_words(std::string_view text) {
    std::vector<std::string> out;
    for_each_letter_run(text, [&](std::string_view word, std::u32string const& run, std::size_t) {
        auto const capitals = static_cast<std::size_t>(std::count_if(run.begin(), run.end(), is_capital));
        if (run.size() >= 2 && run.size() <= 6 && capitals >= 2 && capitals + 1 >= run.size()) out.push_back(fold_case(word));
    });
    return out;
}

/// Words the base writes with a small letter somewhere: common words, not names ("Kommune" in
/// "Skanderborg Kommune", "Manager" in "Incident Manager").
void add_common_words(std::string_view text, std::unordered_set<std::string>& out) {
    for_each_letter_run(text, [&](std::string_view word, std::u32string const& run, std::size_t) {
        if (is_small(run.front())) out.insert(fold_case(word));
    });
}

/// A person's name in a sentence: two words in a row written with a capital and small letters
/// after it ("Keld Jørgensen"), neither of which the base writes small elsewhere or the glossary
/// knows (that makes it a name of a body or a system: "Skanderborg Kommune", "Udbetaling
/// Danmark") nor long, as compound names of systems are ("Fælleskommunalt Administrationsmodul").
bool names_person(std::string_view text, std::unordered_set<std::string> const& common_words) {
    constexpr std::size_t longest_name = 12;
    auto is_name = [&](std::string_view word, std::u32string const& run) {
        return run.size() >= 2 && run.size() <= longest_name && is_capital(run.front()) &&
               std::all_of(run.begin() + 1, run.end(), is_small) && !common_words.contains(fold_case(word));
    };
    bool previous_name = false;
    std::size_t previous_end = 0;
    bool found = false;
    for_each_letter_run(text, [&](std::string_view word, std::u32string const& run, std::size_t end) {
        if (found) return;
        auto const start = end - word.size();
        bool const name = is_name(word, run);
        if (name && previous_name && start == previous_end + 1 && text[previous_end] == ' ') found = true;
        previous_name = name;
        previous_end = end;
    });
    return found;
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

TermSet sorted_unique(std::vector<TermId> terms) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

std::vector<std::string> danish_stop_words_to_correct() {
    return {"hvem", "hvad", "hvornår", "hvordan", "hvilken", "hvilke", "hvilket", "hvorfor", "skal", "kan", "have", "ofte"};
}

std::vector<std::string> english_stop_words_to_correct() {
    return {"what", "when", "where", "which", "who", "does", "should", "about", "there", "their", "with", "often"};
}

}  // namespace

TermId KnowledgeIndex::Impl::intern(std::string const& stem) {
    auto [it, added] = term_ids.try_emplace(stem, static_cast<TermId>(document_frequency.size()));
    if (added) document_frequency.push_back(0);
    return it->second;
}

void KnowledgeIndex::Impl::build() {
    // Pass 1: which stems occur as whole words, for compound splitting, and which words are
    // written small somewhere, for telling names.
    std::vector<std::vector<std::vector<Token>>> body_tokens(documents.size());
    std::unordered_set<std::string> common_words(glossary.words().begin(), glossary.words().end());
    for (std::size_t d = 0; d < documents.size(); ++d) {
        for (auto const& section : documents[d].sections) {
            add_common_words(section.text, common_words);
            add_common_words(section.heading, common_words);
            body_tokens[d].push_back(analyze(section.text, danish));
            for (auto const& t : body_tokens[d].back()) standalone_stems.insert(t.stem);
            for (auto const& t : analyze(section.heading, danish)) standalone_stems.insert(t.stem);
        }
        for (auto const& t : analyze(documents[d].title, danish)) standalone_stems.insert(t.stem);
    }
    // Pass 2: terms per section, with the parts of compound words counted at half weight.
    std::vector<std::unordered_map<TermId, std::uint32_t>> bodies;  // per passage: tf in halves
    for (std::size_t d = 0; d < documents.size(); ++d) {
        auto const& doc = documents[d];
        std::vector<TermId> titles;
        std::vector<std::vector<TermId>> doc_names;
        std::vector<std::string> name_texts = doc.aliases;
        name_texts.insert(name_texts.begin(), doc.title);
        for (auto const& name : name_texts) {
            std::vector<TermId> ids;
            for (auto const& t : analyze(name, danish)) ids.push_back(intern(t.stem));
            titles.insert(titles.end(), ids.begin(), ids.end());
            if (doc.kind == "role") actor_terms.insert(ids.begin(), ids.end());
            if (!ids.empty()) doc_names.push_back(std::move(ids));
        }
        // The source counts like the title: "ifølge rollegalleriet" is then matched by every
        // gallery document and, being that common, weighs little.
        for (auto const& t : analyze(doc.source, danish)) titles.push_back(intern(t.stem));
        title_terms.push_back(sorted_unique(std::move(titles)));
        names.push_back(std::move(doc_names));
        first_passage.push_back(passages.size());

        for (std::size_t s = 0; s < doc.sections.size(); ++s) {
            auto const& section = doc.sections[s];
            Passage p;
            p.document = d;
            p.section = s;
            auto& body = bodies.emplace_back();
            for (auto const& t : body_tokens[d][s]) {
                auto const id = intern(t.stem);
                body[id] += whole_word;
                surface_words.try_emplace(t.word, id);
                for (auto const& part : split_compound(t.word)) body[intern(danish.stem(part))] += compound_part;
            }
            for (auto const& word : elided_compounds(section.text)) body[intern(danish.stem(word))] += whole_word;
            std::vector<TermId> heading;
            for (auto const& t : analyze(section.heading, danish)) heading.push_back(intern(t.stem));
            p.heading = sorted_unique(std::move(heading));
            std::vector<TermId> context = p.heading;
            context.insert(context.end(), title_terms[d].begin(), title_terms[d].end());
            p.context = sorted_unique(std::move(context));
            p.length = static_cast<double>(body_tokens[d][s].size());
            p.folded_heading = fold_case(section.heading);
            p.heading_fits = heading_marks(p.folded_heading);
            p.of_role = doc.kind == "role";
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

    // Postings, by passage within each term: every term of a passage's body, heading or names.
    postings.resize(document_frequency.size());
    for (std::uint32_t i = 0; i < passages.size(); ++i) {
        auto& p = passages[i];
        p.length_norm = k1 * (1 - b + b * p.length / average_length);
        std::vector<TermId> seen = p.context;
        for (auto const& [t, tf] : bodies[i]) seen.push_back(t);
        for (auto t : sorted_unique(std::move(seen))) {
            Posting posting;
            posting.passage = i;
            auto it = bodies[i].find(t);
            posting.tf = it == bodies[i].end() ? 0 : it->second;
            posting.in_heading = has_term(p.heading, t);
            posting.in_title = has_term(title_terms[p.document], t);
            postings[t].push_back(posting);
        }
    }
    for (std::size_t t = 0; t < postings.size(); ++t) document_frequency[t] = static_cast<std::uint32_t>(postings[t].size());

    // Who answers "hvem": the roles' names and the bodies that act in the procedures.
    for (auto const& t : analyze("kommunen kommunerne KOMBIT Netcompany leverandøren styregruppen projektgruppen "
                                 "referencegruppe ledelsen lederne chefen IT-afdelingen brugerne medarbejderen "
                                 "implementeringskonsulenten rolleejeren superbrugerne",
                                 danish)) {
        actor_terms.insert(intern(t.stem));
    }
    postings.resize(document_frequency.size());  // terms only named above occur in no passage
    for (auto& p : passages) build_units(p, common_words);

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
        glossary_neighbours.add(word);
    }
    for (auto const& word : danish_stop_words_to_correct()) stop_neighbours.add(word);
    for (auto const& word : english_stop_words_to_correct()) {
        stop_neighbours.add(word);
        english_stop_words.insert(word);
    }

    index_compound_heads();
    names_beginning_with.assign(document_frequency.size(), {});
    for (std::uint32_t d = 0; d < names.size(); ++d) {
        for (std::uint32_t n = 0; n < names[d].size(); ++n) {
            if (!names[d][n].empty()) names_beginning_with[names[d][n].front()].emplace_back(d, n);
        }
    }
    scratch.asked.assign(document_frequency.size(), 0);

    // Scoring's accumulators, sized once.
    scratch.score.assign(passages.size(), 0.0);
    scratch.covered.assign(passages.size(), 0.0);
    scratch.best.assign(passages.size(), 0.0);
    scratch.touched.reserve(passages.size());
    scratch.concept_touched.reserve(passages.size());
    std::size_t longest = 0;
    for (auto const& list : postings) longest = std::max(longest, list.size());
    scratch.matches.reserve(longest);
    scratch.merged.reserve(longest);
    scratch.candidates.reserve(passages.size());
}

void KnowledgeIndex::Impl::build_units(Passage& p, std::unordered_set<std::string> const& common_words) {
    auto const& text = documents[p.document].sections[p.section].text;
    for (auto const& span : split_units(text)) {
        Unit u;
        u.span = span;
        auto const unit_text = std::string_view(text).substr(span.begin, span.end - span.begin);
        std::vector<TermId> terms;
        for (auto const& t : analyze(unit_text, danish)) {
            auto const id = find(t.stem);
            if (id != no_term) terms.push_back(id);
            for (auto const& part : split_compound(t.word)) {
                auto const pid = find(danish.stem(part));
                if (pid != no_term) terms.push_back(pid);
            }
        }
        for (auto const& word : elided_compounds(unit_text)) {
            auto const id = find(danish.stem(word));
            if (id != no_term) terms.push_back(id);
        }
        u.terms = sorted_unique(std::move(terms));
        u.values = values_in(unit_text);
        if (names_person(unit_text, common_words)) u.values |= value_bit(Value::person);
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

}  // namespace superbruger::knowledge
