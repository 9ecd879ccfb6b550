// Reading what kind of answer a question asks for from its wording ("hvem", "hvornår", "hvad står
// X for", …), and recognising the sentences of a text that give that kind of answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

enum class QuestionType {
    other,       ///< no cue: a topic named, one word, an instruction
    who,         ///< hvem, who: a role or a body
    when,        ///< hvornår, i hvilken fase, when: a phase, a date or a moment
    how_often,   ///< hvor tit/ofte, how often: a frequency
    how_many,    ///< hvor mange, hvad koster, how many: a quantity
    stands_for,  ///< hvad står X for, what does X stand for: an expansion
    what_is,     ///< hvad er, what is: a definition
    tasks,       ///< hvad laver, what does X do, opgaver: a role's tasks
    how,         ///< hvordan, how: a procedure or steps
    may,         ///< må, kan man, may: a permission or a rule
    where,       ///< hvor, where: a place, a tool or an address
    why,         ///< hvorfor, why: a reason or a purpose
};

/// The question's type and the words that only said so ("tit" in "hvor tit", "står" in "står
/// for"): they are not about the topic, so the search does not look for them.
struct QuestionForm {
    QuestionType type = QuestionType::other;
    std::vector<std::string> cue_words;  ///< folded
    std::string abbreviation;            ///< for stands_for: the abbreviation asked about, folded
};

/// `text` is the question as written (capitals tell an abbreviation), `folded` the same after
/// fold_case. The first cue found in a fixed order wins: the rarer, more specific cues first.
QuestionForm read_question_form(std::string_view text, std::string_view folded);

/// Short English name of a type ("who", "stands_for"), for explanations and evaluations.
std::string_view type_name(QuestionType type);

/// Whether a sentence or list item gives the kind of answer the type asks for: a phase, a date
/// or a moment for `when`, a frequency for `how_often`, an expansion of `abbreviation` for
/// `stands_for`, a rule (kun, ikke, må) for `may`, … Always true for types without such a mark
/// (other, what_is, tasks, who: their answers are found by their topic words).
bool gives_answer_of_type(QuestionType type, std::string_view unit, std::string_view abbreviation = {});

/// Kinds of value a question can ask for by name ("hvad er mailadressen", "hvad hedder
/// formanden", "hvilken dato", "budgettet", "oppetiden i procent"): only a sentence that holds a
/// value of that kind answers it, however well the rest of the passage fits the topic.
enum class Value : std::uint8_t {
    mail,        ///< a mail address
    phone,       ///< a Danish phone number
    person,      ///< a person's name ("Keld Jørgensen")
    date,        ///< a day of a month ("16. oktober", "04-03-2024")
    amount,      ///< a sum of money ("250 kr.", "2 mio. kr.")
    percentage,  ///< a share ("99,80 %", "90 procent")
    place,       ///< a street address or a postcode and town ("Vesterbrogade 1", "2100 København")
    municipality,  ///< a municipality by name ("Korsbæk Kommune")
};

constexpr std::uint8_t value_bit(Value v) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(v)); }

/// The values a sentence or list item holds, of every kind but `person`: a name is told from a
/// capitalised common noun only by the vocabulary of the whole base (see the index).
std::uint8_t values_in(std::string_view unit);

/// The values a question asks for, from its folded (and corrected) words and its type. Words
/// that only name the kind of value ("fysisk", "procent", "e-mail") are added to `cue_words`;
/// those that name what the value is of ("budget", "formand", "oppetid") stay topic words.
std::uint8_t values_asked(std::vector<std::string> const& words, QuestionType type, std::vector<std::string>& cue_words);

/// Whether the excerpt should lead with the sentence that answers the type rather than keep the
/// section's order (steps and task lists keep their order).
bool leads_with_answer(QuestionType type);

}  // namespace superbruger::knowledge
