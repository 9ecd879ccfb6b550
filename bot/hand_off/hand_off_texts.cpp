// The hand-off desk's texts.
#include "bot/hand_off/hand_off_texts.hpp"

#include "bot/join.hpp"

namespace superbruger::bot::hand_off::texts {

namespace {
bool da(Language lang) { return lang == Language::da; }
}  // namespace

std::string offer_label(Language lang) { return da(lang) ? "Spørg en person" : "Ask a person"; }

std::string offer_command(Language lang, std::string const& question) {
    return (da(lang) ? "spørg en person: " : "ask a person: ") + question;
}

std::string no_question(Language lang) {
    return da(lang) ? "Skriv spørgsmålet efter kolonet: »spørg en person: Hvem godkender …?«"
                    : "Write the question after the colon: \"ask a person: Who approves …?\"";
}

std::string nobody_to_ask(Language lang, std::string const& municipality) {
    if (da(lang)) {
        return "Jeg har ingen at sende spørgsmålet til: " + (municipality.empty() ? std::string("netværkets koordinatorer") : municipality + "s systemansvarlige og netværkets koordinatorer") +
               " kan ikke nås i chatten endnu. Spørg din kommunes systemansvarlige direkte.";
    }
    return "I have nobody to send the question to: " + (municipality.empty() ? std::string("the network's coordinators") : municipality + "'s systemansvarlige and the network's coordinators") +
           " cannot be reached in chat yet. Ask your municipality's systemansvarlig directly.";
}

std::string sent(Language lang, std::vector<std::string> const& names, bool to_coordinators) {
    auto const who = join(names, da(lang) ? " og " : " and ");
    if (da(lang)) {
        return "Dit spørgsmål er sendt til " + who + (to_coordinators ? " (netværkets koordinatorer)" : " (systemansvarlig)") +
               ". Svaret kommer her i chatten.";
    }
    return "Your question was sent to " + who + (to_coordinators ? " (the network's coordinators)" : " (systemansvarlig)") +
           ". The answer will come here in the chat.";
}

std::string question_for_expert(std::int64_t id, std::string const& asker, std::string const& municipality, std::string const& question) {
    auto const n = std::to_string(id);
    return "**Spørgsmål " + n + "** fra " + asker + (municipality.empty() ? "" : " (" + municipality + ")") +
           ", som botten ikke kunne svare på:\n\n> " + question + "\n\nSvar ved at skrive »svar " + n + ": dit svar«; det sendes til " +
           asker + ".";
}

std::string answer_for_asker(std::string const& question, std::string const& expert, std::string const& answer) {
    return "**Svar fra " + expert + "** på dit spørgsmål »" + question + "«:\n\n" + answer;
}

std::string unknown_hand_off(Language lang, std::int64_t id) {
    return da(lang) ? "Jeg kender intet spørgsmål " + std::to_string(id) + "." : "I know of no question " + std::to_string(id) + ".";
}

std::string answer_not_allowed(Language lang, std::int64_t id) {
    return da(lang) ? "Spørgsmål " + std::to_string(id) + " besvares af spørgerens systemansvarlige eller netværkets koordinatorer."
                    : "Question " + std::to_string(id) + " is answered by the asker's systemansvarlig or the network's coordinators.";
}

std::string empty_answer(Language lang, std::int64_t id) {
    return da(lang) ? "Skriv svaret efter kolonet: »svar " + std::to_string(id) + ": …«"
                    : "Write the answer after the colon: \"answer " + std::to_string(id) + ": …\"";
}

std::string answer_sent(Language lang, std::string const& asker, bool first) {
    if (da(lang)) return "Dit svar er sendt til " + asker + "." + (first ? "" : " (Spørgsmålet var allerede besvaret; dit svar er sendt også.)");
    return "Your answer was sent to " + asker + "." + (first ? "" : " (The question had been answered already; yours was sent too.)");
}

std::string answer_too_long(Language lang, std::size_t chars, std::size_t limit) {
    return da(lang) ? "Svaret er for langt (" + std::to_string(chars) + " tegn; højst " + std::to_string(limit) + "). Gør det kortere, eller henvis til et dokument."
                    : "The answer is too long (" + std::to_string(chars) + " characters; at most " + std::to_string(limit) + "). Shorten it, or point to a document.";
}

std::string add_to_knowledge_label(Language lang) { return da(lang) ? "Føj til vidensbasen" : "Add to the knowledge base"; }

std::string add_to_knowledge_command(Language lang, std::int64_t id) {
    return da(lang) ? "føj svar " + std::to_string(id) + " til vidensbasen" : "add answer " + std::to_string(id) + " to the knowledge base";
}

std::string no_local_folder(Language lang) {
    return da(lang) ? "Der er ingen lokal vidensmappe at lægge svaret i: den driftsansvarlige kan angive en i knowledge.local_dirs."
                    : "There is no local knowledge folder to put the answer in: the operator can set one in knowledge.local_dirs.";
}

std::string add_not_allowed(Language lang) {
    return da(lang) ? "Kun netværkets koordinatorer kan lægge svar i vidensbasen, fordi alle kommuner får dem at se."
                    : "Only the network's coordinators can add answers to the knowledge base, since every municipality sees them.";
}

std::string not_answered_yet(Language lang, std::int64_t id) {
    return da(lang) ? "Spørgsmål " + std::to_string(id) + " er ikke besvaret endnu: svar først med »svar " + std::to_string(id) + ": …«."
                    : "Question " + std::to_string(id) + " has no answer yet: answer it first with \"answer " + std::to_string(id) + ": …\".";
}

std::string cannot_add(Language lang, std::string const& why) {
    return (da(lang) ? "Svaret kunne ikke lægges i vidensbasen: " : "The answer could not be added to the knowledge base: ") + why;
}

std::string not_written(Language lang) {
    return da(lang) ? "filen kunne ikke skrives i den lokale vidensmappe (serverens log siger hvorfor)."
                    : "the file could not be written into the local knowledge folder (the server's log says why).";
}

std::string did_not_load(Language lang) {
    return da(lang) ? "dokumentet kunne ikke indlæses, så det er taget ud igen (serverens log siger hvorfor)."
                    : "the document did not load, so it was taken out again (the server's log says why).";
}

std::string added_to_knowledge(Language lang, std::int64_t id, std::string const& title, std::string const& file) {
    return da(lang) ? "Svar " + std::to_string(id) + " er nu i vidensbasen som »" + title + "«, og spørgsmål som det besvares med det herfra. "
                          "Filen er " + file + ": ret eller slet den dér, og genindlæs vidensbasen."
                    : "Answer " + std::to_string(id) + " is now in the knowledge base as \"" + title + "\", and questions like it are answered with it from now on. "
                          "The file is " + file + ": edit or delete it there, and reload the knowledge base.";
}

}  // namespace superbruger::bot::hand_off::texts
