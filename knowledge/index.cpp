// KnowledgeIndex's public face: searching (ranking.cpp), the excerpt that answers a hit, and the
// explanation of how a question was understood. The parts live in the files named in
// index_impl.hpp.
#include "knowledge/index.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/index_impl.hpp"
#include "knowledge/question.hpp"

#include <algorithm>

namespace superbruger::knowledge {

Passage const* KnowledgeIndex::Impl::passage_of(std::size_t document, std::size_t section) const {
    if (document >= first_passage.size() || section >= documents[document].sections.size()) return nullptr;
    return &passages[first_passage[document] + section];
}

std::string KnowledgeIndex::Impl::explain(std::string_view question) const {
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

namespace {

/// Words an excerpt may open with that point back at a subject only its heading names.
bool opens_with_reference(std::string_view excerpt) {
    if (excerpt.starts_with("- ") || excerpt.starts_with("* ")) return true;
    for (std::string_view word : {"Temaet ", "Rollen ", "Opgaven ", "Den ", "Det ", "De ", "Denne ", "Dette ", "Disse ", "Står ", "Er "}) {
        if (excerpt.starts_with(word)) return true;
    }
    return false;
}

}  // namespace

std::string KnowledgeIndex::Impl::subject_lead(Passage const& passage, std::string_view excerpt) const {
    // A role's section reads as a list of what "the role" does; a theme's as "Temaet …". Cut out
    // of the document, the answer must still say whose tasks or which theme it is: the source
    // line under it is a citation, not part of the answer.
    auto const& doc = documents[passage.document];
    auto const folded = fold_case(excerpt);
    if (passage.of_role) {
        return folded.find(fold_case(doc.title)) == std::string::npos ? doc.title + ": " : std::string();
    }
    auto const& heading = doc.sections[passage.section].heading;
    if (heading.empty() || !opens_with_reference(excerpt) || folded.find(passage.folded_heading) != std::string::npos) return {};
    return heading + ": ";
}

std::string KnowledgeIndex::Impl::excerpt(SearchResult const& result, Hit const& hit, std::size_t max_chars) const {
    if (!result.question) return {};
    auto const& concepts = result.question->concepts;
    auto const& form = result.question->form;
    auto const step = result.question->step;
    auto const* passage = passage_of(hit.document, hit.section);
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
        if (step > 0 && starts_step(std::string_view(text).substr(u.span.begin, u.span.end - u.span.begin), step)) s += 2 * strongest + 1;
        spans.push_back(u.span);
        scores.push_back(s);
    }
    auto const lead = step > 0 || leads_with_answer(form.type);
    auto out = compose_excerpt(text, spans, scores, max_chars, lead);
    auto subject = subject_lead(*passage, out);
    if (subject.empty()) return out;
    if (out.starts_with("- ") || out.starts_with("* ")) subject.back() = '\n';  // a list stays a list
    if (out.size() + subject.size() <= max_chars) return subject + out;
    if (subject.size() >= max_chars) return out;
    // Room for the subject is taken from the context around the answer, never from the answer:
    // a whole sentence without its subject beats a cut one with it.
    auto shorter = compose_excerpt(text, spans, scores, max_chars - subject.size(), lead);
    if (shorter.ends_with("…") && !out.ends_with("…")) return out;
    return subject + shorter;
}

KnowledgeIndex::KnowledgeIndex(std::vector<Document> documents, Glossary glossary, std::shared_ptr<WordList const> dictionary,
                               std::shared_ptr<WordList const> english_dictionary)
    : impl_(std::make_unique<Impl>()) {
    impl_->documents = std::move(documents);
    impl_->glossary = std::move(glossary);
    impl_->dictionary = std::move(dictionary);
    impl_->english_dictionary = std::move(english_dictionary);
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
