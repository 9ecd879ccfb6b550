// Question types from cue phrases, and the marks of a sentence that answers each type.
#include "knowledge/question.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <cctype>

namespace superbruger::knowledge {

namespace {

/// The words of folded text joined by single spaces and padded with one at each end, so that a
/// phrase is found at word boundaries by searching " phrase ".
std::string padded_words(std::string_view folded) {
    std::string out = " ";
    for (auto const& w : split_words(folded)) out += w + " ";
    return out;
}

bool has_phrase(std::string const& padded, std::string_view phrase) {
    std::string needle;
    needle.reserve(phrase.size() + 2);
    needle += ' ';
    needle += phrase;
    needle += ' ';
    return padded.find(needle) != std::string::npos;
}

struct Cue {
    QuestionType type;
    std::string_view phrase;     ///< words, space-separated, folded
    std::string_view consumed;   ///< the words of the phrase that say nothing about the topic
};

// Order matters: the first cue found decides. Frequencies and quantities come before "hvor"
// (where) and "how"; "who" comes before "may" so that "hvem må …" leads with the role.
constexpr std::array cues = {
    Cue{QuestionType::how_often, "hvor tit", "tit"},
    Cue{QuestionType::how_often, "hvor ofte", "ofte"},
    Cue{QuestionType::how_often, "hvor hyppigt", "hyppigt"},
    Cue{QuestionType::how_often, "hvor jævnligt", "jævnligt"},
    Cue{QuestionType::how_often, "hvor mange gange", "mange gange"},
    Cue{QuestionType::how_often, "how often", "often"},
    Cue{QuestionType::how_often, "how frequently", "frequently"},
    Cue{QuestionType::how_often, "how many times", "many times"},
    Cue{QuestionType::how_often, "med hvilket interval", "interval"},
    Cue{QuestionType::how_often, "tit", "tit"},      // "kommer der tit releases?"
    Cue{QuestionType::how_often, "often", "often"},
    // "releases per year?", "hvor mange releases om året": a count per period asks how often.
    Cue{QuestionType::how_often, "per year", "year"},
    Cue{QuestionType::how_often, "a year", "year"},
    Cue{QuestionType::how_often, "every year", "year"},
    Cue{QuestionType::how_often, "each year", "year"},
    Cue{QuestionType::how_often, "om året", "året"},
    Cue{QuestionType::how_often, "pr år", "år"},
    Cue{QuestionType::how_often, "per år", "år"},
    Cue{QuestionType::how_often, "hvert år", "år"},
    // Not "står for" alone: "hvem står for oplæringen" asks who is in charge (stands_for_pattern
    // reads "hvad står SPOC for").
    Cue{QuestionType::stands_for, "stand for", "stand"},
    Cue{QuestionType::stands_for, "stands for", "stands"},
    Cue{QuestionType::stands_for, "forkortelse for", "forkortelse"},
    Cue{QuestionType::stands_for, "forkortelsen", "forkortelsen"},
    Cue{QuestionType::stands_for, "forkortelse", "forkortelse"},  // "klik forkortelse"
    Cue{QuestionType::stands_for, "abbreviation", "abbreviation"},
    Cue{QuestionType::stands_for, "acronym", "acronym"},
    Cue{QuestionType::stands_for, "akronym", "akronym"},
    Cue{QuestionType::stands_for, "akronymet", "akronymet"},
    Cue{QuestionType::stands_for, "short for", "short"},
    Cue{QuestionType::when, "how much time", "much time"},  // a duration, before "how much"
    Cue{QuestionType::how_many, "hvor mange", "mange"},
    Cue{QuestionType::how_many, "hvor meget", "meget"},
    Cue{QuestionType::how_many, "hvor stor", "stor"},
    Cue{QuestionType::how_many, "hvad koster", ""},
    Cue{QuestionType::how_many, "how many", "many"},
    Cue{QuestionType::how_many, "how much", "much"},
    Cue{QuestionType::how_many, "what does it cost", ""},
    Cue{QuestionType::how_many, "antal", ""},
    Cue{QuestionType::how_many, "number of", "number"},
    Cue{QuestionType::when, "hvornår", ""},
    Cue{QuestionType::when, "hvorn", ""},
    Cue{QuestionType::when, "when", ""},
    Cue{QuestionType::when, "i hvilken fase", ""},
    Cue{QuestionType::when, "hvilken fase", ""},
    Cue{QuestionType::when, "in which phase", ""},
    Cue{QuestionType::when, "which phase", ""},
    Cue{QuestionType::when, "what phase", ""},
    Cue{QuestionType::when, "på hvilket tidspunkt", "tidspunkt"},
    Cue{QuestionType::when, "hvilken dato", "dato"},
    Cue{QuestionType::when, "what date", "date"},
    Cue{QuestionType::when, "hvilket år", ""},
    Cue{QuestionType::when, "what year", "year"},
    Cue{QuestionType::when, "hvor længe", "længe"},
    Cue{QuestionType::when, "hvor lang tid", "lang tid"},
    Cue{QuestionType::when, "how long", "long"},
    Cue{QuestionType::when, "hvor tidligt", "tidligt"},
    Cue{QuestionType::when, "how early", "early"},
    Cue{QuestionType::when, "hvor hurtigt", "hurtigt"},
    Cue{QuestionType::when, "how fast", "fast"},
    Cue{QuestionType::when, "how quickly", "quickly"},
    Cue{QuestionType::who, "hvem", ""},
    Cue{QuestionType::who, "who", ""},
    Cue{QuestionType::who, "whom", ""},
    Cue{QuestionType::who, "whose", ""},
    Cue{QuestionType::who, "hvilken rolle", ""},
    Cue{QuestionType::who, "which role", ""},
    Cue{QuestionType::who, "what role", ""},
    Cue{QuestionType::why, "hvorfor", ""},
    Cue{QuestionType::why, "why", ""},
    Cue{QuestionType::why, "hvad er formålet", ""},
    Cue{QuestionType::why, "what is the purpose", ""},
    Cue{QuestionType::why, "hvad er målet", ""},
    Cue{QuestionType::why, "what is the goal", ""},
    Cue{QuestionType::why, "hvad er meningen", "meningen"},
    Cue{QuestionType::why, "hvad er pointen", "pointen"},
    Cue{QuestionType::why, "what is the point", "point"},
    Cue{QuestionType::tasks, "hvad laver", ""},
    Cue{QuestionType::tasks, "hvad går", ""},
    Cue{QuestionType::tasks, "hvad gør", ""},
    Cue{QuestionType::tasks, "lave", "lave"},  // "hvad skal projektlederen lave"
    Cue{QuestionType::tasks, "hvilke opgaver", ""},
    Cue{QuestionType::tasks, "arbejdsopgaver", ""},
    Cue{QuestionType::tasks, "tasks", ""},
    Cue{QuestionType::tasks, "duties", ""},
    Cue{QuestionType::tasks, "what does", ""},  // "what does X do": "mean"/"stand for" are caught above
    Cue{QuestionType::tasks, "what do", ""},
    Cue{QuestionType::where, "hvor", ""},
    Cue{QuestionType::where, "where", ""},
    Cue{QuestionType::where, "hvilken mail", ""},
    Cue{QuestionType::where, "hvilken adresse", ""},
    Cue{QuestionType::where, "which address", ""},
    Cue{QuestionType::where, "hvilken menu", ""},
    Cue{QuestionType::where, "which menu", ""},
    Cue{QuestionType::how, "hvordan", ""},
    Cue{QuestionType::how, "hvorledes", ""},
    Cue{QuestionType::how, "på hvilken måde", "måde"},
    Cue{QuestionType::how, "hvilke trin", "trin"},
    Cue{QuestionType::how, "fremgangsmåde", ""},
    Cue{QuestionType::how, "how", ""},
    Cue{QuestionType::what_is, "hvad er", ""},
    Cue{QuestionType::what_is, "hvad betyder", ""},
    Cue{QuestionType::what_is, "hvad menes", ""},
    Cue{QuestionType::what_is, "hvad vil det sige", "sige"},
    Cue{QuestionType::what_is, "hvad indebærer", ""},
    Cue{QuestionType::what_is, "hvad dækker", ""},
    Cue{QuestionType::what_is, "what is", ""},
    Cue{QuestionType::what_is, "what are", ""},
    Cue{QuestionType::what_is, "what's", ""},
    Cue{QuestionType::what_is, "define", ""},
    Cue{QuestionType::what_is, "forklar", ""},
    Cue{QuestionType::what_is, "beskriv", ""},
    Cue{QuestionType::what_is, "explain", ""},
    Cue{QuestionType::what_is, "describe", ""},
};

/// Yes/no questions about rules open with the verb: "må superbrugerne …", "kan vi …", "may …".
constexpr std::array<std::string_view, 18> may_openers = {
    "må", "kan", "skal", "bør", "have lov", "har vi lov", "er det tilladt", "er det muligt", "may", "can", "must",
    "should", "is it allowed", "are we allowed", "is it possible", "are", "is", "er"};

std::vector<std::string> words_of(std::string_view phrase) { return split_words(phrase); }

bool is_upper_ascii_or_danish(char32_t c) {
    return (c >= 'A' && c <= 'Z') || c == 0xC6 || c == 0xD8 || c == 0xC5;  // Æ Ø Å
}

/// A word written mostly in capitals ("SPOC", "KLIK", "ØiR", "UDK") and standing alone (not the
/// first part of "KLIK-administrator"), folded; empty when the question has none.
std::string written_abbreviation(std::string_view text) {
    std::string found;
    std::size_t i = 0;
    while (i < text.size()) {
        // One run of letters.
        auto start = i;
        std::u32string word;
        while (i < text.size()) {
            auto j = i;
            auto c = utf8::next(text, j);
            bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
            if (!letter) break;
            word += c;
            i = j;
        }
        if (word.empty()) {
            utf8::next(text, i);
            continue;
        }
        std::size_t capitals = 0;
        for (auto c : word) capitals += is_upper_ascii_or_danish(c) ? 1 : 0;
        bool const glued = i < text.size() && text[i] == '-';  // "KLIK-administrator"
        bool const glued_before = start > 0 && text[start - 1] == '-';
        if (word.size() >= 2 && word.size() <= 6 && capitals >= 2 && capitals + 1 >= word.size() && !glued && !glued_before) {
            found = fold_case(text.substr(start, i - start));
            if (found != "dubu") return found;  // DUBU is the subject of nearly everything
        }
    }
    return found;
}

}  // namespace

/// "hvad står SPOC for", "what does KLIK stand for": the verb, the abbreviation, then "for".
/// Returns the abbreviation (folded) and the verb, or empty strings. "står for" with nothing
/// between is Danish for "is in charge of" ("hvem står for oplæringen?"), so the word after it
/// is taken for the abbreviation only when it is written as one (`written`, folded).
std::pair<std::string, std::string> stands_for_pattern(std::vector<std::string> const& words, std::string const& written) {
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        auto const& verb = words[k];
        if (verb != "står" && verb != "stå" && verb != "stand" && verb != "stands") continue;
        for (auto j = k + 1; j < words.size() && j <= k + 4; ++j) {
            if (words[j] != "for") continue;
            for (auto i = k + 1; i < j; ++i) {
                if (!is_stop_word(words[i]) && words[i] != "forkortelsen") return {words[i], verb};
            }
            if (j + 1 < words.size() && words[j + 1] == written) return {words[j + 1], verb};  // "what does stand for KLIK"
        }
    }
    return {};
}

QuestionForm read_question_form(std::string_view text, std::string_view folded) {
    QuestionForm form;
    auto const padded = padded_words(folded);
    auto const words = split_words(folded);
    auto const abbreviation = written_abbreviation(text);
    // "hvem står i spidsen for styregruppen" asks who leads it: an expansion is asked for with
    // "hvad" or "what", or about a word written as an abbreviation.
    bool const asks_who = has_phrase(padded, "hvem") || has_phrase(padded, "who");
    bool const asks_what = has_phrase(padded, "hvad") || has_phrase(padded, "what");
    if (auto [asked, verb] = stands_for_pattern(words, abbreviation);
        !asked.empty() && !asks_who && (asks_what || asked == abbreviation)) {
        form.type = QuestionType::stands_for;
        form.abbreviation = asked;
        form.cue_words = {verb};
    }
    // The question word that opens the question decides over one in a later clause: "who does
    // KOMBIT escalate to when a municipality falls behind" asks who, "hvorfor skal vi, når …" why.
    if (form.type == QuestionType::other && !words.empty()) {
        auto const& opener = words.front();
        if (opener == "hvem" || opener == "who" || opener == "whom" || opener == "whose") form.type = QuestionType::who;
        else if (opener == "hvorfor" || opener == "why") form.type = QuestionType::why;
        else if (opener == "hvornår" || opener == "when") form.type = QuestionType::when;
    }
    for (auto const& cue : cues) {
        if (form.type != QuestionType::other) break;
        if (!has_phrase(padded, cue.phrase)) continue;
        form.type = cue.type;
        form.cue_words = words_of(cue.consumed);
        break;
    }
    // "sikkerhedsansvarlig opgaver", "opgaver for superbrugeren": written without a question
    // word, "opgaver" asks for the tasks (as "tasks" does), while "hvilke KLIK-opgaver …" asks
    // which KLIK tasks there are.
    if (form.type == QuestionType::other && (has_phrase(padded, "opgaver") || has_phrase(padded, "opgave"))) {
        bool const asks = std::any_of(words.begin(), words.end(), [](std::string const& w) {
            return w.starts_with("hv") || w == "klik";
        });
        if (!asks) form.type = QuestionType::tasks;
    }
    if (form.type == QuestionType::other || form.type == QuestionType::what_is) {
        // "kan vi registrere to systemansvarlige?", "må superbrugerne …": a rule.
        for (auto opener : may_openers) {
            if (padded.starts_with(std::string(" ") + std::string(opener) + " ")) {
                if (opener != "are" && opener != "is" && opener != "er") form.type = QuestionType::may;
                break;
            }
        }
    }
    // "hvad er SPOC?", "hvad betyder KLIK", "ØiR?", "what is UDK": an abbreviation alone asks for
    // its expansion. "hvad er SPOC'ens rolle i fase 4" names more than the abbreviation.
    if (!abbreviation.empty()) {
        std::size_t content = 0;
        for (auto const& w : split_words(folded)) {
            if (is_stop_word(w) || w == abbreviation || w.size() < 2) continue;
            bool cue = false;
            for (auto const& c : form.cue_words) cue = cue || c == w;
            if (!cue && w != "mean" && w != "menes" && w != "med" && w != "dubu") ++content;
        }
        if (form.type == QuestionType::stands_for ||
            (content == 0 && (form.type == QuestionType::what_is || form.type == QuestionType::other ||
                              form.type == QuestionType::tasks))) {
            form.type = QuestionType::stands_for;
            form.abbreviation = abbreviation;
        }
    }
    if (form.type == QuestionType::stands_for && form.abbreviation.empty()) {
        // "forkortelsen sts", "abbreviation of KDI": the first word that is neither a cue nor a
        // function word.
        {
            for (auto const& w : words) {
                if (!is_stop_word(w) && w != "står" && w != "forkortelse" && w != "forkortelsen" && w != "abbreviation" &&
                    w != "stand" && w != "stands" && w != "short" && w != "for") {
                    form.abbreviation = w;
                    break;
                }
            }
        }
    }
    if (form.type == QuestionType::stands_for) {
        for (auto const* w : {"mean", "meaning", "betydning", "betydningen"}) form.cue_words.emplace_back(w);
    }
    return form;
}

std::string_view type_name(QuestionType type) {
    switch (type) {
        case QuestionType::other: return "other";
        case QuestionType::who: return "who";
        case QuestionType::when: return "when";
        case QuestionType::how_often: return "how_often";
        case QuestionType::how_many: return "how_many";
        case QuestionType::stands_for: return "stands_for";
        case QuestionType::what_is: return "what_is";
        case QuestionType::tasks: return "tasks";
        case QuestionType::how: return "how";
        case QuestionType::may: return "may";
        case QuestionType::where: return "where";
        case QuestionType::why: return "why";
    }
    return "other";
}

namespace {

bool any_phrase(std::string const& padded, std::initializer_list<std::string_view> phrases) {
    for (auto p : phrases) {
        if (has_phrase(padded, p)) return true;
    }
    return false;
}

bool any_word_starting(std::string const& padded, std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes) {
        std::string needle = " ";
        needle += p;
        if (padded.find(needle) != std::string::npos) return true;
    }
    return false;
}

bool has_digit(std::string_view text) {
    for (auto c : text) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

}  // namespace

bool gives_answer_of_type(QuestionType type, std::string_view unit, std::string_view abbreviation) {
    auto const folded = fold_case(unit);
    auto const padded = padded_words(folded);
    switch (type) {
        case QuestionType::when:
            return any_phrase(padded, {"fase", "faser", "phase", "opstart", "forberedelse", "ibrugtagning", "forankring",
                                       "opvarmningsperioden", "overgangen", "ved", "inden", "før", "efter", "først",
                                       "sidst", "tidligt", "når", "halvår", "kvartal", "ultimo", "medio", "primo",
                                       "årsskiftet", "sommerferien", "efteråret", "go-live", "live", "januar", "februar",
                                       "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                                       "november", "december", "uger", "dage", "timer", "måned", "indledningsvist"}) ||
                   has_digit(unit);
        case QuestionType::how_often:
            return any_phrase(padded, {"om året", "årlige", "årlig", "årligt", "om måneden", "hvert år", "hver måned",
                                       "hver uge", "hvert kvartal", "dagligt",
                                       "daglige", "ugentlig", "ugentlige", "gange", "løbende", "jævnligt", "flere",
                                       "a year", "per year", "twice", "every"});
        case QuestionType::how_many: {
            // The number of a numbered list item ("1. …") counts nothing.
            auto body = unit;
            while (!body.empty() && (body.front() == ' ' || body.front() == '-')) body.remove_prefix(1);
            std::size_t digits = 0;
            while (digits < body.size() && body[digits] >= '0' && body[digits] <= '9') ++digits;
            if (digits > 0 && digits < body.size() && body[digits] == '.') body.remove_prefix(digits + 1);
            // Numbers that name rather than count ("bilag 3", "fase 2", "DUBU 3.0") are no quantity.
            bool counted_number = false;
            auto const words = split_words(fold_case(body));
            for (std::size_t k = 0; k < words.size(); ++k) {
                if (words[k].empty() || words[k][0] < '0' || words[k][0] > '9') continue;
                auto const& before = k > 0 ? words[k - 1] : std::string();
                if (before == "bilag" || before == "fase" || before == "version" || before == "nr" || before == "dubu" ||
                    before == "kl" || before == "trin" || (k > 0 && words[k - 1][0] >= '0' && words[k - 1][0] <= '9')) {
                    continue;
                }
                counted_number = true;
            }
            // "én" folds to "en", the article, so the accented form is looked for in the raw text.
            return counted_number || unit.find("én") != std::string_view::npos ||
                   any_phrase(padded, {"to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "tolv",
                                       "flere", "ingen", "kun", "pris", "one", "two", "three", "several", "only", "single"});
        }
        case QuestionType::stands_for: {
            if (abbreviation.empty()) return true;
            if (!has_phrase(padded, abbreviation)) return false;
            std::string const a(abbreviation);
            // "SPOC står for …", "KOMBIT er …", "Økonomi i Rammearkitekturen (ØiR)", "SPOC (single …)".
            return has_phrase(padded, a + " står for") || has_phrase(padded, a + " stands for") ||
                   has_phrase(padded, a + " betyder") || padded.starts_with(" " + a + " er ") ||
                   folded.find("(" + a + ")") != std::string::npos || folded.find(a + " (") != std::string::npos;
        }
        case QuestionType::may:
            return any_phrase(padded, {"kun", "ikke", "må", "eneste", "alene", "lov", "kan", "flere", "én", "forudsætning",
                                       "skal", "bør", "only", "not", "may"});
        case QuestionType::where:
            return any_phrase(padded, {"i klik", "via", "hos", "postkasse", "teams", "menuen", "under brugerhåndtering",
                                       "under rollegalleri", "bilag", "mail", "netværk", "kanaler", "hjemmeside",
                                       "it-support", "servicedesk"}) ||
                   any_word_starting(padded, {"teams-", "postkass"}) || unit.find('@') != std::string_view::npos ||
                   unit.find(".dk") != std::string_view::npos;
        case QuestionType::why:
            return any_phrase(padded, {"fordi", "derfor", "for at", "så", "formålet", "målet", "grund", "giver", "sikre",
                                       "because", "so that"}) ||
                   any_word_starting(padded, {"forudsætning", "nøgle"});
        case QuestionType::how:
        case QuestionType::other:
        case QuestionType::what_is:
        case QuestionType::tasks:
        case QuestionType::who:
            return true;
    }
    return true;
}

namespace {

bool all_digits(std::string const& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_month(std::string_view w) {
    static constexpr std::array<std::string_view, 24> months = {
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december",
        "january", "february", "march", "may", "june", "july", "october", "jan", "feb", "aug", "sep", "okt"};
    return std::find(months.begin(), months.end(), w) != months.end();
}

/// A number that can be a day of a month: one or two digits, 1 to 31.
bool is_day(std::string const& w) { return all_digits(w) && w.size() <= 2 && std::stoi(w) >= 1 && std::stoi(w) <= 31; }

/// Eight digits in a row, spaces between pairs allowed ("33343400", "33 34 40 00").
bool has_phone_number(std::string_view text) {
    std::size_t digits = 0;
    for (auto c : text) {
        if (c >= '0' && c <= '9') {
            if (++digits == 8) return true;
        } else if (c != ' ' || digits == 0 || digits % 2 != 0) {
            digits = 0;
        }
    }
    return false;
}

/// "04-03-2024", "4.3.2024", "2024-03-04": day, month and year in digits.
bool has_numeric_date(std::string_view text) {
    auto digits_at = [&](std::size_t i) {
        std::size_t n = 0;
        while (i + n < text.size() && text[i + n] >= '0' && text[i + n] <= '9') ++n;
        return n;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) continue;
        auto const a = digits_at(i);
        auto j = i + a;
        if (a == 0 || a > 4 || j >= text.size() || (text[j] != '-' && text[j] != '.' && text[j] != '/')) continue;
        auto const sep = text[j];
        auto const b = digits_at(j + 1);
        auto k = j + 1 + b;
        if (b == 0 || b > 2 || k >= text.size() || text[k] != sep) continue;
        auto const c = digits_at(k + 1);
        if ((a <= 2 && (c == 2 || c == 4)) || (a == 4 && c >= 1 && c <= 2)) return true;
    }
    return false;
}

/// A day and a month in words: "16. oktober", "16.–17. oktober", "October 16".
bool has_day_and_month(std::vector<std::string> const& words) {
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (!is_month(words[k])) continue;
        if (k > 0 && is_day(words[k - 1])) return true;
        if (k + 1 < words.size() && is_day(words[k + 1])) return true;
    }
    return false;
}

bool is_currency(std::string_view w) {
    return w == "kr" || w == "kroner" || w == "krone" || w == "dkk" || w == "euro" || w == "eur" || w == "usd" || w == "dollars";
}

/// A number with a currency after it (with "mio." or "millioner" between) or before it.
bool has_amount(std::string_view text, std::vector<std::string> const& words) {
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (!all_digits(words[k])) continue;
        if (k > 0 && is_currency(words[k - 1])) return true;
        for (auto j = k + 1; j < words.size() && j <= k + 3; ++j) {
            if (is_currency(words[j])) return true;
            auto const& w = words[j];
            bool const between = all_digits(w) || w == "mio" || w == "mia" || w == "millioner" || w == "milliarder" ||
                                 w == "tusind" || w == "million" || w == "billion";
            if (!between) break;
        }
    }
    for (auto sign : {"€", "$"}) {
        for (auto at = text.find(sign); at != std::string_view::npos; at = text.find(sign, at + 1)) {
            auto const after = at + std::string_view(sign).size();
            bool const digit_after = after < text.size() && text[after] >= '0' && text[after] <= '9';
            bool const digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
            if (digit_after || digit_before) return true;
        }
    }
    return false;
}

/// "99,80 %", "90%", "90 procent".
bool has_percentage(std::string_view text, std::vector<std::string> const& words) {
    for (auto at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) {
        auto before = at;
        while (before > 0 && text[before - 1] == ' ') --before;
        if (before > 0 && text[before - 1] >= '0' && text[before - 1] <= '9') return true;
    }
    for (std::size_t k = 1; k < words.size(); ++k) {
        auto const& w = words[k];
        if ((w == "procent" || w == "pct" || w == "percent") && all_digits(words[k - 1])) return true;
    }
    return false;
}

/// A street and a number ("Vesterbrogade 1") or, after a comma, a postcode and a town written
/// with a capital ("…, 2100 København").
bool has_place(std::string_view text, std::vector<std::string> const& words) {
    static constexpr std::array<std::string_view, 9> streets = {"vej", "gade", "allé", "alle", "plads", "stræde", "boulevard", "vænge", "torv"};
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (!all_digits(words[k + 1]) || words[k + 1].size() > 3) continue;
        for (auto street : streets) {
            if (words[k].size() > street.size() && words[k].ends_with(street)) return true;
        }
    }
    for (auto at = text.find(", "); at != std::string_view::npos; at = text.find(", ", at + 1)) {
        auto const code = at + 2;
        if (code + 6 > text.size()) break;
        bool const four = std::all_of(text.begin() + code, text.begin() + code + 4, [](char c) { return c >= '0' && c <= '9'; });
        bool const capital_after = text[code + 4] == ' ' &&
                                   ((text[code + 5] >= 'A' && text[code + 5] <= 'Z') || static_cast<unsigned char>(text[code + 5]) == 0xC3);
        if (four && capital_after) return true;
    }
    return false;
}

/// A municipality by name: a word written with a capital, not opening a sentence, before
/// "Kommune" ("for Korsbæk Kommune", "Næstved og Skanderborg Kommune").
bool has_municipality(std::string_view text) {
    for (auto at = text.find("ommune"); at != std::string_view::npos; at = text.find("ommune", at + 1)) {
        if (at < 3 || (text[at - 1] != 'K' && text[at - 1] != 'k') || text[at - 2] != ' ') continue;
        auto const end = at - 2;  // just past the word before
        auto start = end;
        while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
        if (start == end) continue;
        auto const first = static_cast<unsigned char>(text[start]);
        bool const capital = (first >= 'A' && first <= 'Z') || first == 0xC3;  // Æ Ø Å open with 0xC3
        bool const second_small = end > start + 1 && static_cast<unsigned char>(text[start + 1]) >= 'a';
        auto before = start;
        while (before > 0 && text[before - 1] == ' ') --before;
        bool const opens = before == 0 || text[before - 1] == '.' || text[before - 1] == ':' || text[before - 1] == '\n' ||
                           text[before - 1] == '-';
        if (capital && second_small && !opens) return true;
    }
    return false;
}

bool word_starting(std::vector<std::string> const& words, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(words.begin(), words.end(), [&](std::string const& w) {
        return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return w.starts_with(p); });
    });
}

bool word_among(std::vector<std::string> const& words, std::initializer_list<std::string_view> list) {
    return std::any_of(words.begin(), words.end(), [&](std::string const& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    });
}

/// Whether `first` is followed by `second` somewhere in `words`.
bool adjacent(std::vector<std::string> const& words, std::string_view first, std::string_view second) {
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k] == first && words[k + 1] == second) return true;
    }
    return false;
}

/// Adds to `cue_words` each of `words` that is in `list`.
void consume(std::vector<std::string> const& words, std::initializer_list<std::string_view> list, std::vector<std::string>& cue_words) {
    for (auto const& w : words) {
        if (std::find(list.begin(), list.end(), w) != list.end()) cue_words.push_back(w);
    }
}

}  // namespace

std::uint8_t values_in(std::string_view unit) {
    auto const words = split_words(fold_case(unit));
    std::uint8_t v = 0;
    if (unit.find('@') != std::string_view::npos) v |= value_bit(Value::mail);
    if (has_phone_number(unit)) v |= value_bit(Value::phone);
    if (has_numeric_date(unit) || has_day_and_month(words)) v |= value_bit(Value::date);
    if (has_amount(unit, words)) v |= value_bit(Value::amount);
    if (has_percentage(unit, words)) v |= value_bit(Value::percentage);
    if (has_place(unit, words)) v |= value_bit(Value::place);
    if (has_municipality(unit)) v |= value_bit(Value::municipality);
    return v;
}

std::uint8_t values_asked(std::vector<std::string> const& words, QuestionType type, std::vector<std::string>& cue_words) {
    std::uint8_t v = 0;
    for (auto const& w : words) {
        if (w.starts_with("mail") || w.starts_with("email") || w == "adresse" || w == "adressen" || w == "address" ||
            w.starts_with("e-mail") || w.starts_with("mailadresse")) {
            v |= value_bit(Value::mail);
            cue_words.push_back(w);  // the kind of answer asked for, not its topic
        }
        if (w.starts_with("telefon") || w == "tlf" || w.starts_with("phone") || w.starts_with("mobilnummer") ||
            w == "mobile" || w == "telephone") {
            v |= value_bit(Value::phone);
            cue_words.push_back(w);
        }
    }
    // A title one person holds ("formand", "direktør", "chair") asked about with "hvem" or on its
    // own is asked for that person; the base's roles are asked for with their own names
    // ("systemejer", "projektleder"), which are no titles here. "hvad hedder" / "navnet på" a
    // person ("KOMBITs incident manager", "chefen") asks for the name too.
    bool const titled = word_starting(words, {"formand", "næstformand", "direktør", "borgmester", "minister", "statsminister",
                                              "præsident", "chairman", "chairwoman", "chairperson", "director", "mayor",
                                              "president"}) ||
                        word_among(words, {"chair", "ceo", "adm"});
    bool const naming = word_among(words, {"hedder", "hed", "navnet", "navn", "name", "named", "kaldes", "called"});
    bool const personal = word_among(words, {"chef", "chefen", "kontaktperson", "kontaktpersonen", "person", "personen"}) ||
                          std::any_of(words.begin(), words.end(), [](std::string const& w) {
                              return w.ends_with("manager") || w.ends_with("manageren");  // "servicemanager"
                          });
    if ((titled && (type == QuestionType::who || type == QuestionType::other || naming)) || (naming && personal)) {
        v |= value_bit(Value::person);
    }
    // "hvilken dato", "slutdatoen", "what date": a day, not a phase or a period.
    if (word_starting(words, {"dato"}) || word_among(words, {"date", "datoen"}) ||
        std::any_of(words.begin(), words.end(), [](std::string const& w) { return w.size() > 4 && (w.ends_with("dato") || w.ends_with("datoen")); })) {
        v |= value_bit(Value::date);
        consume(words, {"dato", "datoen", "date"}, cue_words);
    }
    // What a thing costs: the word for the sum is what it is of, so it stays a topic word.
    if (word_starting(words, {"budget", "pris", "price", "beløb", "gebyr", "honorar", "salary", "licenspris"}) ||
        word_among(words, {"cost", "costs", "koster", "amount", "fee", "fees", "løn", "lønnen"})) {
        v |= value_bit(Value::amount);
    }
    if (word_starting(words, {"procent", "percent", "oppetid", "uptime"}) || word_among(words, {"pct", "availability"})) {
        v |= value_bit(Value::percentage);
        consume(words, {"procent", "procenten", "percent", "percentage", "pct"}, cue_words);
    }
    // Where a thing is on a map, not where in the system or the organisation.
    if (word_starting(words, {"fysisk", "physical", "beliggenhed", "postadresse", "besøgsadresse"}) ||
        word_among(words, {"located", "location", "street"}) || adjacent(words, "hvilken", "by") ||
        adjacent(words, "which", "city") || adjacent(words, "what", "city")) {
        v |= value_bit(Value::place);
        v &= static_cast<std::uint8_t>(~value_bit(Value::mail));  // "street address" is no mail address
        consume(words, {"fysisk", "fysiske", "physical", "physically", "located", "location", "beliggenhed", "street"}, cue_words);
    }
    // "hvilken kommune …" asks for one by name; "hvilke kommuner …" may be answered by a kind of
    // municipality ("kommunerne bruger DUBU"), so only the singular asks for a name.
    if (adjacent(words, "hvilken", "kommune") || adjacent(words, "which", "municipality") ||
        adjacent(words, "what", "municipality")) {
        v |= value_bit(Value::municipality);
    }
    return v;
}

bool leads_with_answer(QuestionType type) {
    switch (type) {
        case QuestionType::who:
        case QuestionType::when:
        case QuestionType::how_often:
        case QuestionType::how_many:
        case QuestionType::stands_for:
        case QuestionType::may:
        case QuestionType::where:
        case QuestionType::why:
            return true;
        case QuestionType::other:
        case QuestionType::what_is:
        case QuestionType::tasks:
        case QuestionType::how:
            return false;
    }
    return false;
}

}  // namespace superbruger::knowledge
