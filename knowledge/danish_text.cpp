// Case folding, word splitting, stop words and Snowball stemming.
#include "knowledge/danish_text.hpp"

#include "knowledge/error.hpp"
#include "knowledge/utf8.hpp"

#include <libstemmer.h>

#include <unordered_set>

namespace superbruger::knowledge {

namespace {

char32_t fold_code_point(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;  // Latin-1 capitals → small
    switch (cp) {
        case 0xE0: case 0xE1: case 0xE2: case 0xE3: return 'a';            // à á â ã (not å, æ)
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: return 'e';            // è é ê ë
        case 0xEC: case 0xED: case 0xEE: case 0xEF: return 'i';
        case 0xF2: case 0xF3: case 0xF4: case 0xF5: return 'o';            // not ø, and ö → ø below
        case 0xF6: return 0xF8;                                             // ö → ø
        case 0xE4: return 0xE6;                                             // ä → æ
        case 0xF9: case 0xFA: case 0xFB: return 'u';
        case 0xFC: return 'y';                                              // ü
        case 0x2019: case 0x2018: case 0xB4: return '\'';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return '-';
        default: return cp;
    }
}

bool is_word_char(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return true;
    return cp >= 0xDF && cp <= 0x24F && cp != 0xF7;  // Latin-1 and Latin Extended-A/B letters
}

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto cp = utf8::next(text, i);
        if (cp == utf8::replacement) {
            out += ' ';
            continue;
        }
        auto folded = fold_code_point(cp);
        // "aa" is the pre-1948 spelling of "å" (Aabenraa, Haarby): write both sides the same.
        if (folded == 'a' && !out.empty() && out.back() == 'a') {
            out.pop_back();
            utf8::append(out, 0xE5);
            continue;
        }
        utf8::append(out, folded);
    }
    return out;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < folded.size();) {
        auto start = i;
        auto cp = utf8::next(folded, i);
        if (is_word_char(cp)) {
            current.append(folded.substr(start, i - start));
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool is_stop_word(std::string_view word) {
    // Snowball's Danish and English stop lists, plus question words that say nothing about the
    // topic ("hvem", "hvornår"): the intent of a question is read elsewhere, from its raw text.
    static std::unordered_set<std::string_view> const words = {
        // Danish
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af",
        "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham",
        "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor",
        "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog",
        "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også",
        "under", "have", "dig", "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor", "mod",
        "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver", "hendes", "været", "thi",
        "jer", "sådan", "hvem", "hvornår", "hvilke", "hvilken", "hvilket", "hvordan", "hvorfor", "hvorn",
        "kan", "må", "får", "få", "vores", "jeres", "bør", "mon", "egentlig", "lige", "bare", "så", "nogen",
        "hvorledes", "gerne", "ja", "nej", "sådanne", "ens", "hinanden", "laver", "gør", "betyder",
        // Words that frame a question without naming its topic ("ifølge rollegalleriet", "typisk").
        "ifølge", "typisk", "beskriver", "beskrive", "omhandler", "fortæl", "forklar",
        // Spoken and colloquial fillers ("hvad skal man egentlig ha", "altså", "hej"): unknown to
        // the base, they must not count as topics it lacks.
        "ha", "altså", "vel", "nok", "faktisk", "præcis", "sgu", "hej", "ok", "okay", "tak", "venligst", "slags",
        "egentligt", "overhovedet", "normalt", "generelt", "lissom", "øh", "hmm", "eventuelt", "evt",
        // Prepositions as chat writes them: abbreviated ("ift" = i forhold til) or in one word
        // ("overfor" for "over for").
        "ift", "iht", "mht", "ifm", "vedr", "overfor",
        // English
        "a", "an", "and", "or", "of", "to", "in", "on", "is", "are", "was", "were", "be", "been",
        "who", "what", "when", "where", "which", "why", "how", "do", "does", "did", "can", "could", "may",
        "might", "must", "should", "would", "will", "shall", "our", "we", "us", "my", "me", "you", "your",
        "it", "its", "this", "that", "these", "those", "with", "by", "about", "as", "has", "have",
        "had", "there", "their", "they", "them", "he", "she", "his", "her", "not", "no", "if", "then", "than",
        "any", "some", "into", "out", "up", "just", "also", "whom", "whose", "please", "tell", "mean", "means", "the", "like",
        "according", "typically", "usually", "need", "needs", "after", "one", "hold", "holds", "describe", "describes", "explain", "from", "at", "for", "all",
        "hi", "hello", "hey", "thanks", "thank", "actually", "exactly", "really", "basically", "anyway", "kind", "kinds",
        "generally", "normally", "exist", "exists", "typical", "besides", "apart",
        // what is left of a contraction once the apostrophe splits it ("don't" → "don", "t")
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "wouldn", "shouldn", "couldn", "haven", "hasn",
        "ll", "ve", "re",
        // the rest of Snowball's English stop list
        "myself", "ours", "ourselves", "yours", "yourself", "yourselves", "him", "himself", "hers", "herself", "itself", "theirs", "themselves", "am", "being", "having", "doing", "ought", "but", "because", "until", "while", "against", "between", "during", "before", "above", "below", "down", "off", "again", "further", "once", "here", "both", "each", "few", "more", "most", "other", "such", "nor", "own", "same", "so", "too", "very", "cannot",
        // prepositions Snowball leaves out
        "across", "within", "without", "among", "amongst", "toward", "towards", "around", "along", "throughout", "upon",
        "onto", "beyond", "per", "via",
    };
    return words.contains(word);
}

bool is_light_word(std::string_view word) {
    static std::unordered_set<std::string_view> const words = {
        // Danish: common verbs, adjectives and adverbs of everyday questions
        "komme", "kommer", "kom", "kommet", "ny", "nye", "nyt", "læse", "læser", "læst", "igennem", "gennem", "fik",
        "fået", "gå", "går", "gik", "gået", "give", "giver", "gav", "givet", "tage", "tager", "tog", "taget", "sætte",
        "sætter", "satte", "stå", "står", "stod", "ligge", "ligger", "lå", "holde", "holder", "holdt", "lave", "lavet",
        "se", "ser", "set", "vise", "viser", "viste", "finde", "finder", "fandt", "sige", "siger", "sagde", "vide",
        "ved", "skrive", "skriver", "første", "sidste", "andre", "andet", "egen", "eget", "egne", "god", "godt", "gode",
        "stor", "store", "lille", "små", "hele", "helt", "mere", "mest", "flest", "altid", "aldrig", "særligt",
        "især", "plejer", "plejede", "bedst", "bedste", "rigtig", "ting", "tingene", "sted", "steder", "gang", "måde",
        "måder", "del", "dele", "type", "typer", "sker", "ske", "sket", "handler", "drejer", "gælder", "findes",
        "hedder", "kaldes", "kalder", "mener", "synes", "tror", "vil", "ønsker", "prøve", "bruges", "vores", "jeres",
        "ude", "inde", "oppe", "senere", "tidligere", "længere", "stadig", "igen", "allerede", "dermed", "hen",
        "skete", "sket", "foregår", "foregik", "folk", "personer", "syntes", "direkte", "bag", "ide", "idé",
        "størrelse",  // "hvad er X for en størrelse?" asks what X is
        // time adverbs: when a fact holds is rarely what the question is about
        "fremover", "fremadrettet", "fortsat", "snart", "nutildags", "efterhånden", "hidtil", "pt",
        // verbs that link the topics of a question ("bliver bedt om at", "plejer at blive valgt")
        "bede", "beder", "bedt", "bedes", "vælge", "vælger", "valgt", "valgte", "vælges",
        "nævn", "nævne", "kører", "køre", "kørt", "opleve", "oplever", "oplevet", "fortælle", "fortæller", "fortalt",
        // English
        "get", "gets", "got", "new", "come", "comes", "came", "go", "goes", "went", "make", "makes", "made", "take",
        "takes", "took", "give", "gives", "gave", "see", "sees", "find", "finds", "know", "knows", "read", "through",
        "other", "others", "own", "good", "big", "first", "last", "many", "thing", "things", "way", "part", "always",
        "often", "now", "here", "especially", "usually", "normally", "best", "right", "happen", "happens", "called",
        "look", "looks", "want", "wants", "say", "says", "put", "keep", "keeps", "still", "already", "sure",
        "people", "person", "named", "happened", "exactly", "whole", "directly", "ends", "idea", "behind",
        // common verbs and pronouns of English questions, which the Danish base never has
        "ask", "asks", "asked", "asking", "fill", "fills", "filled", "pull", "pulls", "pulled", "puts", "fall", "falls",
        "fell", "fallen", "needed", "needing", "work", "works", "working", "choose", "chooses", "chose", "chosen",
        "select", "selects", "selected", "add", "adds", "added", "become", "becomes", "became", "let", "lets", "try",
        "tries", "tried", "bring", "brings", "brought", "someone", "somebody", "something", "anyone", "anybody",
        "anything", "else", "everyone", "everything", "nowadays", "anymore", "currently", "soon", "henceforth",
        "provide", "provides", "provided", "providing", "offer", "offers", "offered", "handle", "handles", "handled",
        "deal", "deals", "dealt", "hand", "hands", "handed", "pass", "passes", "passed", "include", "includes",
        "included", "including", "contain", "contains", "contained",
        "run", "runs", "running", "mention", "mentions", "experience", "experienced",
        // everyday nouns that carry no topic ("be in place", "what kind of", "a lot of")
        "place", "places", "sort", "lot", "lots", "bit", "stuff", "matter", "matters", "generic", "general",
    };
    return words.contains(word);
}

struct Stemmer::Impl {
    sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer(StemLanguage language) : impl_(std::make_unique<Impl>()) {
    impl_->stemmer = sb_stemmer_new(language == StemLanguage::danish ? "danish" : "english", "UTF_8");
    if (impl_->stemmer == nullptr) {
        throw KnowledgeError(KnowledgeError::Kind::unavailable, "libstemmer has no stemmer for this language");
    }
}

Stemmer::~Stemmer() { sb_stemmer_delete(impl_->stemmer); }

std::string Stemmer::stem(std::string_view word) const {
    auto const* out = sb_stemmer_stem(impl_->stemmer, reinterpret_cast<sb_symbol const*>(word.data()),
                                      static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);  // out of memory inside libstemmer: fall back
    return std::string(reinterpret_cast<char const*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)));
}

std::vector<Token> analyze(std::string_view text, Stemmer const& danish) {
    std::vector<Token> tokens;
    for (auto& word : split_words(fold_case(text))) {
        if (is_stop_word(word)) continue;
        auto stem = danish.stem(word);
        tokens.push_back({std::move(word), std::move(stem)});
    }
    return tokens;
}

}  // namespace superbruger::knowledge
