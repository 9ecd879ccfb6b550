// Ranking: BM25-style relevance with title and heading boosts, accumulated over the postings of
// the question's terms (so only passages sharing a term are touched), the coverage the bot's
// confidence is, then the checks that read the sentences of the best few (the kind of answer
// asked for, proximity).
#include "knowledge/index_impl.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/question.hpp"

#include <algorithm>

namespace superbruger::knowledge {

namespace {

/// The part of a role's description the question asks for by name ("hvad skal X kunne" →
/// Kompetencer, "ansvar" → Ansvar, "effekt" → the introduction), as a folded heading word;
/// "-" for the introduction, empty for none.
std::string wanted_heading(std::vector<std::string> const& words) {
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
bool describes_topic(std::string_view question) {
    auto const q = fold_case(question);
    for (auto cue : {"hvad laver", "hvad er ", "hvad gør", "hvad betyder", "hvad indebærer", "hvad består", "beskriv",
                     "forklar", "what does", "what is", "what are", "what do ", "describe", "explain", "hvad går",
                     "hvad vil det sige"}) {
        if (q.find(cue) != std::string::npos) return true;
    }
    return false;
}

/// How much a role's own passage gains in rank for a "hvem" question.
constexpr double who_prefers_role = 1.3;

/// How much of its confidence a passage keeps that has the topic of a when, how-often or where
/// question but no sentence giving that kind of answer about it. A frequency is rarely implied:
/// without one the passage is half an answer; a moment or a place may be said in other words.
constexpr double type_miss_confidence(QuestionType type) {
    return type == QuestionType::how_often ? 0.5 : type == QuestionType::when ? 0.7 : 0.8;
}

/// How much a passage without the kind of answer asked for loses in rank (and, for
/// quantities and expansions, in confidence: without them it is at best half an answer).
double type_miss_factor(QuestionType type) {
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

/// The passages of `so_far` that also have the term of `list`, combined (both lists by passage).
void intersect(std::vector<Posting> const& so_far, std::vector<Posting> const& list, std::vector<Posting>& out) {
    out.clear();
    auto a = so_far.begin();
    auto c = list.begin();
    while (a != so_far.end() && c != list.end()) {
        if (a->passage < c->passage) ++a;
        else if (c->passage < a->passage) ++c;
        else {
            out.push_back({a->passage, std::min(a->tf, c->tf), a->in_heading && c->in_heading, a->in_title && c->in_title});
            ++a;
            ++c;
        }
    }
}

}  // namespace

/// Sets scratch.asked for the terms of the question's concepts (clear_asked undoes it).
void KnowledgeIndex::Impl::mark_asked(std::vector<Concept> const& concepts) const {
    for (auto const& c : concepts) {
        for (auto const& alt : c.alternatives) {
            for (auto t : alt) {
                if (!scratch.asked[t]) scratch.marked.push_back(t);
                scratch.asked[t] = 1;
            }
        }
    }
}

void KnowledgeIndex::Impl::clear_asked() const {
    for (auto t : scratch.marked) scratch.asked[t] = 0;
    scratch.marked.clear();
}

/// Documents whose title or an alias is fully named by the question (its terms marked by
/// mark_asked). Only the names that begin with one of the question's terms are looked at.
std::vector<bool> KnowledgeIndex::Impl::named_documents() const {
    std::vector<bool> named(documents.size(), false);
    for (auto t : scratch.marked) {
        for (auto const& [d, n] : names_beginning_with[t]) {
            auto const& name = names[d][n];
            if (std::all_of(name.begin(), name.end(), [&](TermId u) { return scratch.asked[u] != 0; })) named[d] = true;
        }
    }
    return named;
}

/// Leaves in scratch.matches the passages that have every term of `alt`.
void KnowledgeIndex::Impl::match_alternative(std::vector<TermId> const& alt) const {
    auto& matches = scratch.matches;
    matches.assign(postings[alt.front()].begin(), postings[alt.front()].end());
    for (std::size_t k = 1; k < alt.size() && !matches.empty(); ++k) {
        intersect(matches, postings[alt[k]], scratch.merged);
        matches.swap(scratch.merged);
    }
}

/// The weight of the question's concepts a unit of text contains; the document's names and
/// the section's heading count as part of every sentence under them ("Er supportberettiget"
/// in the superbruger's tasks is about the superbruger).
double KnowledgeIndex::Impl::unit_cover(Passage const& p, Unit const& u, std::vector<Concept> const& concepts,
                                        bool with_context) const {
    double s = 0;
    for (auto const& c : concepts) {
        for (auto const& alt : c.alternatives) {
            bool const present = std::all_of(alt.begin(), alt.end(), [&](TermId t) {
                return has_term(u.terms, t) || (with_context && has_term(p.context, t));
            });
            if (present) {
                s += c.weight;
                break;
            }
        }
    }
    return s;
}

/// The most of the question's weight one sentence of the passage holds, its heading and names
/// counting in every sentence. The concepts those hold are weighed once, not per sentence.
double KnowledgeIndex::Impl::best_unit_cover(Passage const& p, std::vector<Concept> const& concepts) const {
    double always = 0;
    auto& rest = scratch.open_concepts;
    rest.clear();
    for (auto const& c : concepts) {
        bool const in_context = std::any_of(c.alternatives.begin(), c.alternatives.end(), [&](auto const& alt) {
            return std::all_of(alt.begin(), alt.end(), [&](TermId t) { return has_term(p.context, t); });
        });
        if (in_context) always += c.weight;
        else rest.push_back(&c);
    }
    double best = 0;
    for (auto const& u : p.units) {
        double s = 0;
        for (auto const* c : rest) {
            for (auto const& alt : c->alternatives) {
                bool const present = std::all_of(alt.begin(), alt.end(), [&](TermId t) {
                    return has_term(u.terms, t) || has_term(p.context, t);
                });
                if (present) {
                    s += c->weight;
                    break;
                }
            }
        }
        best = std::max(best, s);
    }
    return p.units.empty() ? 0.0 : always + best;
}

/// How much of a "hvem" question the best sentence that names who covers, by its own words
/// (a heading or title that covers the question in every sentence under it names nobody): a
/// role or body the question does not name itself, or, in a role's own description, the role
/// (the subject of its task lists) when the question does not name it.
double KnowledgeIndex::Impl::actor_focus(Passage const& p, std::vector<Concept> const& concepts) const {
    auto asked = [&](TermId t) { return scratch.asked[t] != 0; };  // marked by search
    bool role_unnamed = false;
    if (p.of_role) {
        role_unnamed = std::none_of(names[p.document].begin(), names[p.document].end(), [&](auto const& name) {
            return std::all_of(name.begin(), name.end(), asked);
        });
    }
    double best = 0;
    for (auto const& u : p.units) {
        bool const names_who = role_unnamed || std::any_of(u.terms.begin(), u.terms.end(), [&](TermId t) {
                                   return actor_terms.contains(t) && !asked(t);
                               });
        if (names_who) best = std::max(best, unit_cover(p, u, concepts, false));
    }
    return best;
}

/// Whether a passage has a sentence that gives the kind of answer the question asks for, and
/// gives it about the question's topic: a number in a sentence about something else does not
/// answer "hvor mange kommuner …", nor a date in a sentence on another matter "hvornår …".
/// A "hvem" question is judged in search, from actor_focus (the sentence that names who).
bool KnowledgeIndex::Impl::fits_type(Passage const& p, QuestionForm const& form, std::vector<Concept> const& concepts,
                                     double total_weight) const {
    if (form.type == QuestionType::stands_for) {
        return form.abbreviation.empty() ||
               std::find(p.expansions.begin(), p.expansions.end(), form.abbreviation) != p.expansions.end();
    }
    bool const marked = std::find(std::begin(marked_types), std::end(marked_types), form.type) != std::end(marked_types);
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

/// Whether a sentence of the passage holds a value of the kind asked for, on the question: a
/// value is a fact about one thing, so every concept that weighs more than a common word must
/// be in the passage (the SLA of the Serviceplatform is no SLA of DUBU; a focus word the base
/// never uses, "formand", "budget", is in no passage, so nothing answers it), and the sentence
/// with the value must hold most of the question. A person's title stands beside the name, in
/// the sentence itself: the name in "sekretariatschef for UDK's bestyrelse" under the heading
/// "programledermødet" is no chair's, so for a name the sentence must hold every concept.
bool KnowledgeIndex::Impl::gives_value(Passage const& p, Value kind, std::vector<Concept> const& concepts,
                                       double total_weight) const {
    auto holds = [&](Unit const& u) { return (u.values & value_bit(kind)) != 0; };
    // A mail address must be in a sentence about most of the question; a phone number anywhere
    // (a passage without one names the person or the desk, no more).
    if (kind == Value::mail) {
        return std::any_of(p.units.begin(), p.units.end(), [&](Unit const& u) { return holds(u) && unit_cover(p, u, concepts) >= 0.5 * total_weight; });
    }
    if (kind == Value::phone) return std::any_of(p.units.begin(), p.units.end(), holds);
    auto in_unit = [&](Unit const& u, Concept const& c, bool with_context) {
        return std::any_of(c.alternatives.begin(), c.alternatives.end(), [&](auto const& alt) {
            return std::all_of(alt.begin(), alt.end(), [&](TermId t) {
                return has_term(u.terms, t) || (with_context && has_term(p.context, t));
            });
        });
    };
    auto heavy = [](Concept const& c) { return c.weight > light_weight; };
    if (kind == Value::person) {
        return std::any_of(p.units.begin(), p.units.end(), [&](Unit const& u) {
            return holds(u) &&
                   std::all_of(concepts.begin(), concepts.end(), [&](Concept const& c) { return !heavy(c) || in_unit(u, c, false); });
        });
    }
    bool const whole = std::all_of(concepts.begin(), concepts.end(), [&](Concept const& c) {
        return !heavy(c) || std::any_of(p.units.begin(), p.units.end(), [&](Unit const& u) { return in_unit(u, c, true); });
    });
    return whole && std::any_of(p.units.begin(), p.units.end(), [&](Unit const& u) {
        return holds(u) && unit_cover(p, u, concepts) >= 0.5 * total_weight;
    });
}

/// Whether the passage's text, heading or document names (title, source) have every version
/// number asked about.
bool starts_step(std::string_view unit, int step) {
    auto const at = unit.find_first_not_of(" \t\n-*");
    if (at == std::string_view::npos) return false;
    return unit.substr(at).starts_with(std::to_string(step) + ".");
}

bool KnowledgeIndex::Impl::has_step(Passage const& p, int step) const {
    auto const& text = documents[p.document].sections[p.section].text;
    return std::any_of(p.units.begin(), p.units.end(), [&](Unit const& u) {
        return starts_step(std::string_view(text).substr(u.span.begin, u.span.end - u.span.begin), step);
    });
}

bool KnowledgeIndex::Impl::names_versions(Passage const& p, std::vector<std::string> const& versions) const {
    auto const& doc = documents[p.document];
    auto const& section = doc.sections[p.section];
    auto has = [](std::string const& text, std::string const& number) {
        for (auto at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
            auto const end = at + number.size();
            bool const digit_before = at > 0 && ((text[at - 1] >= '0' && text[at - 1] <= '9') || text[at - 1] == '.');
            bool const digit_after = end < text.size() && text[end] >= '0' && text[end] <= '9';
            if (!digit_before && !digit_after) return true;
        }
        return false;
    };
    return std::all_of(versions.begin(), versions.end(), [&](std::string const& v) {
        return has(section.text, v) || has(section.heading, v) || has(doc.title, v) || has(doc.source, v);
    });
}

SearchResult KnowledgeIndex::Impl::search(std::string_view question, std::size_t max_hits) const {
    SearchResult result;
    auto analysed = analyse(question);
    result.question = analysed;
    auto const& concepts = analysed->concepts;
    auto const& form = analysed->form;
    double total_weight = 0;
    for (auto const& c : concepts) total_weight += c.weight;
    if (concepts.empty() || total_weight <= 0) return result;

    mark_asked(concepts);
    auto const named = named_documents();
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
    // "hvad skal X kunne" names the part it wants: the introduction is then not the answer.
    auto const wants_intro = (wanted.empty() || wanted == "-") && (form.type == QuestionType::what_is || form.type == QuestionType::stands_for ||
                             (describes && form.type != QuestionType::tasks) ||
                             (form.type == QuestionType::other && concepts.size() == 1));

    // Pass 1, the passages that share a term with the question: relevance and coverage, summed
    // concept by concept over the postings of each concept's best alternative.
    auto& s = scratch;
    s.touched.clear();
    for (auto const& c : concepts) {
        s.concept_touched.clear();
        for (auto const& alt : c.alternatives) {
            if (alt.empty()) continue;
            match_alternative(alt);
            for (auto const& m : s.matches) {
                auto const& p = passages[m.passage];
                auto const f = static_cast<double>(m.tf) / whole_word;
                double score = 0;
                if (f > 0) score += c.weight * f * (k1 + 1) / (f + p.length_norm);
                if (m.in_heading) score += c.weight * heading_boost;
                if (m.in_title) score += c.weight * title_boost;
                if (score <= 0) continue;
                if (s.best[m.passage] == 0) s.concept_touched.push_back(m.passage);
                s.best[m.passage] = std::max(s.best[m.passage], score);
            }
        }
        for (auto i : s.concept_touched) {
            if (s.covered[i] == 0) s.touched.push_back(i);
            s.score[i] += s.best[i];
            s.covered[i] += c.weight;
            s.best[i] = 0;
        }
    }
    // In the passages' order, as a full scan would meet them, so that equal ranks keep theirs.
    std::sort(s.touched.begin(), s.touched.end());
    s.candidates.clear();
    for (auto i : s.touched) {
        auto const& p = passages[i];
        auto const score = s.score[i];
        auto const coverage = s.covered[i] / total_weight;
        s.score[i] = 0;
        s.covered[i] = 0;
        double rank = score * coverage * coverage * coverage;
        if ((p.heading_fits & mark(form.type)) != 0) rank *= form.type == QuestionType::tasks ? 3.0 : form.type == QuestionType::how ? 2.0 : 1.5;
        // "Hvem …" is answered by a role: its own section on the matter, which names it in the title,
        // before a procedure or background text that mentions the matter and some role.
        if (form.type == QuestionType::who && p.of_role) rank *= who_prefers_role;
        // A section headed by exactly the topic asked about ("hvad er FK Organisation?") is about it.
        if (!topic.empty() && p.folded_heading == topic) rank *= 3.0;
        // The passage that opens with the abbreviation and spells it out is its definition.
        if (form.type == QuestionType::stands_for &&
            std::find(p.definitions.begin(), p.definitions.end(), form.abbreviation) != p.definitions.end()) {
            rank *= 3.0;
        }
        if (!wanted.empty()) {
            auto const& heading = p.folded_heading;
            if (wanted == "-" ? heading.empty() : heading.find(wanted) != std::string::npos) rank *= 3.0;
        }
        // The role named after an abbreviation (ØiR-koordinator) is not what the abbreviation means.
        if (named[p.document] && form.type != QuestionType::stands_for) {
            rank *= definition ? 1.6 : 1.2;
            if (wants_intro && documents[p.document].sections[p.section].heading.empty()) rank *= 1.3;
        }
        s.candidates.push_back({i, coverage, rank});
    }

    // Pass 2, the best of them only: the checks that read the sentences (the kind of answer,
    // proximity), which can only lower a rank, to a fifth at most.
    // Twelve: the checks lower a rank to a fifth at most in practice, and on every question of
    // the banks twelve give the same answers as 24 at half the sentence reading.
    constexpr std::size_t checked = 12;
    auto& candidates = s.candidates;
    auto const cut = std::min(checked, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(cut), candidates.end(),
                      [](auto const& a, auto const& c) { return a.rank > c.rank; });
    std::vector<Hit> scored;
    scored.reserve(cut);
    for (std::size_t k = 0; k < cut; ++k) {
        auto const& cand = candidates[k];
        auto const& p = passages[cand.passage];
        auto coverage = cand.coverage;
        auto rank = cand.rank;
        // For "hvem" the sentence that names who is both the fit and the focus: read it once.
        double const who_focus = form.type == QuestionType::who ? actor_focus(p, concepts) : 0.0;
        bool const fits = form.type == QuestionType::who ? who_focus >= 0.5 * total_weight
                                                         : fits_type(p, form, concepts, total_weight);
        // A passage without any number cannot answer "how many", nor one that never spells the
        // abbreviation out "what does it stand for": each is at best half an answer.
        if (!fits && (form.type == QuestionType::how_many || form.type == QuestionType::stands_for)) {
            coverage *= 0.5;
            rank *= 0.125;
        }
        // Nor does one without a moment answer "hvornår", a frequency "hvor tit", a place "hvor"
        // quite: the topic is there, the answer may not be.
        if (!fits && (form.type == QuestionType::when || form.type == QuestionType::how_often || form.type == QuestionType::where)) {
            // The rank follows the confidence down: a passage below the bar must not stay first
            // over one on the topic that gives the answer ("Versioner" over the releases' own
            // "hvor ofte").
            auto const m = type_miss_confidence(form.type);
            coverage *= m;
            rank *= m;
        }
        // "hvad er mailadressen til X", "hvad er Keld Jørgensens telefonnummer", "hvad hedder
        // KOMBITs incident manager", "hvilken dato …": the topic without the value asked for on it
        // is not the answer. A missing mail address and a missing phone number each halve; the
        // other kinds halve once together.
        if (auto const asked_values = analysed->wanted_values; asked_values != 0) {
            bool other_missing = false;
            for (auto kind : {Value::mail, Value::phone, Value::person, Value::date, Value::amount, Value::percentage, Value::place,
                              Value::municipality}) {
                if ((asked_values & value_bit(kind)) == 0 || gives_value(p, kind, concepts, total_weight)) continue;
                if (kind == Value::mail || kind == Value::phone) {
                    coverage *= 0.5;
                    rank *= 0.5;
                } else {
                    other_missing = true;
                }
            }
            if (other_missing) {
                coverage *= 0.5;
                rank *= 0.5;
            }
        }
        // "DUBU 3.5" is not "DUBU 3.0": a version the passage never names is not what it is about.
        if (!analysed->versions.empty() && !names_versions(p, analysed->versions)) {
            coverage *= 0.5;
            rank *= 0.5;
        }
        // "hvad er trin 3 i …": a passage without a step numbered so names the task, not the step.
        if (analysed->step > 0 && !has_step(p, analysed->step)) rank *= 0.3;
        // Proximity: a passage with one sentence that holds most of the question beats one
        // whose matches are spread over sentences on other matters.
        double focus = 0;
        if (form.type == QuestionType::who) {
            focus = who_focus;
        } else {
            focus = best_unit_cover(p, concepts);
        }
        // For "hvem" the sentence that names who must hold the question by its own words: a
        // heading or title that covers the question in every sentence under it names nobody.
        auto const near = 0.4 + 0.6 * focus / total_weight;
        rank *= form.type == QuestionType::who ? near * near * near : near;
        if (!fits) rank *= type_miss_factor(form.type);
        Hit h;
        h.document = p.document;
        h.section = p.section;
        h.score = rank;
        h.confidence = coverage;
        scored.push_back(std::move(h));
    }
    std::sort(scored.begin(), scored.end(), [](Hit const& a, Hit const& c) { return a.score > c.score; });
    for (auto& h : scored) {
        if (result.hits.size() >= max_hits) break;
        bool const document_used = std::any_of(result.hits.begin(), result.hits.end(),
                                               [&](Hit const& earlier) { return earlier.document == h.document; });
        if (document_used) continue;
        auto const& doc = documents[h.document];
        h.source = {doc.id, doc.title, doc.sections[h.section].heading, doc.source};
        result.hits.push_back(std::move(h));
    }
    clear_asked();
    return result;
}

}  // namespace superbruger::knowledge
