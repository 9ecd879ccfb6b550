// The bot's own words. Domain terms stay Danish in English texts, as the network uses them.
#include "bot/texts.hpp"

#include "bot/command_words.hpp"
#include "bot/help_cards.hpp"

namespace superbruger::bot::texts {

namespace {
bool da(Language lang) { return lang == Language::da; }
}  // namespace

std::string dont_know(Language lang) {
    return da(lang)
        ? "Det ved jeg desværre ikke: jeg kan ikke finde svaret i min vidensbase. Spørg jeres "
          "systemansvarlige eller superbrugernetværket på Teams. Jeg har noteret spørgsmålet, så "
          "vidensbasen kan blive udbygget."
        : "I don't know: I cannot find the answer in my knowledge base. Ask your municipality's "
          "systemansvarlig or the superbruger network on Teams. I have noted the question so the "
          "knowledge base can be extended.";
}

std::string dont_know(Language lang, std::string const& municipality, std::vector<std::string> const& systemansvarlige) {
    std::string names;
    for (std::size_t i = 0; i < systemansvarlige.size(); ++i) {
        names += (i == 0 ? "" : i + 1 == systemansvarlige.size() ? (da(lang) ? " eller " : " or ") : ", ") + systemansvarlige[i];
    }
    return da(lang)
        ? "Det ved jeg desværre ikke: jeg kan ikke finde svaret i min vidensbase. Spørg jeres systemansvarlige i " + municipality + ", " +
              names + ", eller superbrugernetværket på Teams. Jeg har noteret spørgsmålet, så vidensbasen kan blive udbygget."
        : "I don't know: I cannot find the answer in my knowledge base. Ask " + municipality + "'s systemansvarlig, " + names +
              ", or the superbruger network on Teams. I have noted the question so the knowledge base can be extended.";
}

std::string did_you_mean_municipality(Language lang, std::string const& typed, std::string const& name) {
    return da(lang) ? "Jeg kender ingen kommune ved navn »" + typed + "« i rolleoversigten. Mente du " + name + "?"
                    : "I know no municipality called \"" + typed + "\" in the role directory. Did you mean " + name + "?";
}

std::string did_you_mean_person(Language lang, std::string const& typed, std::string const& name) {
    return da(lang) ? "Jeg kender ingen ved navn »" + typed + "« i rolleoversigten. Mente du " + name + "?"
                    : "I know nobody called \"" + typed + "\" in the role directory. Did you mean " + name + "?";
}

std::string yes_name(Language lang, std::string const& name) { return (da(lang) ? "Ja, " : "Yes, ") + name; }

std::string not_stored(Language lang) {
    return da(lang) ? "Det kunne jeg ikke gemme: en af værdierne kan ikke bruges (fx et usynligt tegn). Intet er ændret; prøv igen med "
                      "almindelig tekst, eller skriv »hjælp«."
                    : "I could not store that: one of the values cannot be used (an invisible character, say). Nothing was changed; try "
                      "again with plain text, or write \"help\".";
}

std::string help(Language lang) { return help::overview(lang); }

std::string command_help(Language lang, commands::Desk desk, std::string const& suggestion) {
    using commands::Desk;
    std::string about, commands_list, topic;
    switch (desk) {
        case Desk::help: return help::overview(lang);
        case Desk::releases:
            about = da(lang) ? "releases" : "releases";
            commands_list = da(lang) ? "»hvilke releases er der?«, »gennemgå DUBU 3.4«, »status på DUBU 3.4«; i en gennemgang »spring over«, "
                                       "»stop«, »tilbage« og »ret punkt 2«"
                                     : "\"which releases are there?\", \"review DUBU 3.4\", \"status of DUBU 3.4\"; in a review \"skip\", "
                                       "\"stop\", \"back\" and \"correct item 2\"";
            topic = da(lang) ? "releases" : "review";
            break;
        case Desk::reminders:
            about = da(lang) ? "påmindelser" : "reminders";
            commands_list = da(lang) ? "»stop påmindelser«, »start påmindelser«" : "\"stop reminders\", \"start reminders\"";
            topic = da(lang) ? "påmindelser" : "reminders";
            break;
        case Desk::change_requests:
            about = da(lang) ? "ændringsønsker" : "change requests";
            commands_list = da(lang) ? "»nyt ændringsønske«, »mine ændringsønsker«, »status på ÆØ-2026-0001«, »støt ÆØ-2026-0001«, "
                                       "»fjern støtte ÆØ-2026-0001«, »ret ÆØ-2026-0001 titel: Ny titel«, »træk tilbage ÆØ-2026-0001«; i "
                                       "dialogen »tilbage«, »annuller«, »fortsæt« og »send«"
                                     : "\"new change request\", \"my change requests\", \"status of ÆØ-2026-0001\", \"support "
                                       "ÆØ-2026-0001\", \"remove support ÆØ-2026-0001\", \"edit ÆØ-2026-0001 title: New title\", "
                                       "\"withdraw ÆØ-2026-0001\"; in the dialog \"back\", \"cancel\", \"continue\" and \"submit\"";
            topic = da(lang) ? "ændringsønsker" : "change requests";
            break;
        case Desk::directory:
            about = da(lang) ? "rolleoversigten" : "the role directory";
            commands_list = da(lang) ? "»sæt Ole Hansen ole@korsbaek.dk som superbruger i Korsbæk«, »fjern Ole Hansen som superbruger i Korsbæk«"
                                     : "\"set Ole Hansen ole@korsbaek.dk as superbruger in Korsbæk\", \"remove Ole Hansen as superbruger in Korsbæk\"";
            topic = da(lang) ? "rolleoversigt" : "directory";
            break;
        case Desk::answers:
            about = da(lang) ? "svar" : "answers";
            commands_list = da(lang) ? "knapperne under et svar, eller »feedback <nr> ja«, »feedback <nr> nej« og »læs mere <emne>«"
                                     : "the buttons under an answer, or \"feedback <no> yes\", \"feedback <no> no\" and \"more <topic>\"";
            topic = da(lang) ? "spørgsmål" : "questions";
            break;
    }
    std::string text = da(lang) ? "Det ligner en kommando om " + about + ", men den forstod jeg ikke."
                                : "That looks like a command about " + about + ", but I did not understand it.";
    if (!suggestion.empty()) text += da(lang) ? " Mente du »" + suggestion + "«?" : " Did you mean \"" + suggestion + "\"?";
    text += da(lang) ? "\nDe kommandoer, jeg kender: " + commands_list + ".\nSkriv »hjælp " + topic + "« for en vejledning."
                     : "\nThe commands I know: " + commands_list + ".\nWrite \"help " + topic + "\" for a guide.";
    return text;
}

std::string source_line(Language lang, adapters::Citation const& source) {
    std::string line = da(lang) ? "Kilde: " : "Source: ";
    line += source.title;
    if (!source.section.empty()) line += " › " + source.section;
    if (!source.origin.empty()) line += " (" + source.origin + ")";
    return line;
}

adapters::ReplyAction read_more_action(Language lang, std::string const& document_id) {
    return da(lang) ? adapters::ReplyAction{"Læs mere", "læs mere " + document_id} : adapters::ReplyAction{"Read more", "more " + document_id};
}

std::string welcome(Language lang) {
    return da(lang) ? "Hej! Jeg er superbrugernes bot for DUBU. Spørg mig om roller og procedurer, fx »hvem må kontakte "
                      "Netcompanys servicedesk?« eller »hvem er vores systemansvarlige?«. Skriv »hjælp« for at se, hvad jeg kan."
                    : "Hello! I am the DUBU superbrugere's bot. Ask me about roles and procedures, for example \"who may contact "
                      "Netcompany's servicedesk?\". Write \"help\" to see what I can do.";
}

std::string unknown_document(Language lang, std::string const& document_id) {
    return da(lang) ? "Jeg har ingen tekst med navnet »" + document_id + "«. Skriv »hjælp« for at se, hvad jeg kan."
                    : "I have no text called \"" + document_id + "\". Write \"help\" to see what I can do.";
}

std::string nothing_to_continue(Language lang) {
    return da(lang) ? "Du har ikke noget i gang, der kan fortsættes. Skriv »nyt ændringsønske« for at oprette et ændringsønske, "
                      "»gennemgå« for at gennemgå en release, eller »hjælp« for alt, hvad jeg kan."
                    : "You have nothing in progress to continue. Write \"new change request\" to file one, \"review\" to review a "
                      "release, or \"help\" for everything I can do.";
}

std::string empty_message(Language lang) {
    return da(lang) ? "Skriv et spørgsmål, fx »hvad laver en superbruger?«, eller »hjælp«."
                    : "Write a question, for example \"what does a superbruger do?\", or \"help\".";
}

std::string nul_in_message(Language lang) {
    return da(lang) ? "Din besked indeholder et nul-tegn (NUL), som jeg ikke kan gemme. Skriv den igen uden det."
                    : "Your message contains a null character (NUL), which I cannot store. Please write it again without it.";
}

std::string internal_error(Language lang, std::string const& incident_id) {
    return da(lang) ? "Beklager, noget gik galt hos mig. Prøv igen om lidt. (Hændelse " + incident_id + ")"
                    : "Sorry, something went wrong on my side. Please try again shortly. (Incident " + incident_id + ")";
}

std::vector<adapters::ReplyAction> feedback_actions(Language lang, std::int64_t answer_id) {
    auto const id = std::to_string(answer_id);
    return {{da(lang) ? "Nyttigt" : "Helpful", "feedback " + id + " ja"},
            {da(lang) ? "Ikke nyttigt" : "Not helpful", "feedback " + id + " nej"}};
}

std::optional<FeedbackCommand> parse_feedback(std::string_view folded) {
    constexpr std::string_view prefix = "feedback ";
    if (!folded.starts_with(prefix)) return std::nullopt;
    auto rest = folded.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 18 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0 || digits >= rest.size() || rest[digits] != ' ') return std::nullopt;
    FeedbackCommand command{std::stoll(std::string(rest.substr(0, digits))), false};
    auto verdict = rest.substr(digits + 1);
    while (!verdict.empty() && (verdict.back() == ' ' || verdict.back() == '.')) verdict.remove_suffix(1);
    if (verdict == "ja" || verdict == "yes") command.helpful = true;
    else if (verdict != "nej" && verdict != "no") return std::nullopt;
    return command;
}

std::string feedback_reply(Language lang, FeedbackResult result, std::int64_t answer_id) {
    switch (result) {
        case FeedbackResult::thanks_helpful:
            return da(lang) ? "Tak for din feedback." : "Thank you for your feedback.";
        case FeedbackResult::thanks_not_helpful:
            return da(lang) ? "Tak. Jeg har noteret, at svaret ikke hjalp, så vidensbasen kan blive bedre. Spørg gerne "
                              "jeres systemansvarlige eller superbrugernetværket på Teams imens."
                            : "Thank you. I have noted that the answer did not help, so the knowledge base can be "
                              "improved. Meanwhile, ask your systemansvarlig or the superbruger network on Teams.";
        case FeedbackResult::changed:
            return da(lang) ? "Tak, jeg har ændret din vurdering af svaret." : "Thank you, I have changed your rating of the answer.";
        case FeedbackResult::unchanged:
            return da(lang) ? "Din vurdering af svaret var allerede noteret." : "Your rating of the answer was already noted.";
        case FeedbackResult::unknown_answer:
            break;
    }
    auto const id = std::to_string(answer_id);
    return da(lang) ? "Jeg kan ikke finde svar nr. " + id + ", så jeg har ikke noteret din vurdering."
                    : "I cannot find answer number " + id + ", so your rating was not noted.";
}

std::string ask_municipality(Language lang) {
    return da(lang) ? "Hvilken kommune er du fra? Skriv navnet, så husker jeg det til næste gang."
                    : "Which municipality are you from? Write its name and I will remember it.";
}

std::string unknown_municipality_reply(Language lang) {
    return da(lang) ? "Den kommune kender jeg ikke i rolleoversigten. Skriv kommunens navn, fx »Korsbæk«, eller stil et andet spørgsmål."
                    : "I do not know that municipality in the role directory. Write its name, e.g. \"Korsbæk\", or ask something else.";
}

std::string remembered_municipality(Language lang, std::string const& municipality) {
    return da(lang) ? "Tak, jeg husker, at du er fra " + municipality + "."
                    : "Thank you, I will remember that you are from " + municipality + ".";
}

std::string holders_heading(Language lang, std::string const& role_title, std::string const& municipality) {
    return "**" + role_title + (da(lang) ? " i " : " in ") + municipality + "**";
}

std::string since(Language lang, std::string const& date) { return (da(lang) ? " (siden " : " (since ") + date + ")"; }

std::string klik_name_of_systemejer(Language lang) {
    return da(lang) ? "I KLIK hedder rollen DUBU-faglig leder." : "In KLIK the role is called DUBU-faglig leder.";
}

std::string no_holder(Language lang, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? municipality + " har ingen registreret " + role_title + " i rolleoversigten."
                    : municipality + " has no " + role_title + " registered in the role directory.";
}

std::string municipality_not_in_directory(Language lang, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? municipality + " står ikke i rolleoversigten, så jeg ved ikke, hvem der er " + role_title + " dér."
                    : municipality + " is not in the role directory, so I do not know who is " + role_title + " there.";
}

std::string how_to_register(Language lang) {
    return da(lang) ? "Rollen registreres i KLIK af kommunens KLIK-administrator; skriv »læs mere klik-rolleregistrering« for trinene."
                    : "The role is registered in KLIK by the municipality's KLIK-administrator; write \"more klik-rolleregistrering\" for the steps.";
}

std::string replaced_in_phase_4(Language lang, std::string const& municipality) {
    return da(lang) ? municipality + " er i fase 4: Forankring, hvor projektrollerne er afløst af systemansvarlig og systemejer."
                    : municipality + " is in phase 4 (Forankring), where the project roles have given way to systemansvarlig and systemejer.";
}

std::string contacts_hidden(Language lang) {
    return da(lang) ? "Kontaktoplysninger vises kun for personer, der selv står i rolleoversigten."
                    : "Contact details are shown only to people who are in the role directory themselves.";
}

std::string person_roles_heading(Language lang, std::string const& person) {
    return "**" + person + (da(lang) ? "** har disse roller:" : "** holds these roles:");
}

std::string person_has_no_roles(Language lang, std::string const& person) {
    return da(lang) ? person + " har ingen roller i rolleoversigten lige nu." : person + " holds no role in the role directory now.";
}

std::string role_in(Language lang, std::string const& role_title, std::string const& municipality) {
    return role_title + (da(lang) ? " i " : " in ") + municipality;
}

std::string missing_roles_heading(Language lang, std::string const& municipality, int phase) {
    auto const p = std::to_string(phase);
    return da(lang) ? municipality + " er i fase " + p + ". Disse obligatoriske roller er ikke besat:"
                    : municipality + " is in phase " + p + ". These mandatory roles are not filled:";
}

std::string no_missing_roles(Language lang, std::string const& municipality, int phase) {
    auto const p = std::to_string(phase);
    return da(lang) ? municipality + " er i fase " + p + ", og alle obligatoriske roller for fasen er besat."
                    : municipality + " is in phase " + p + ", and every mandatory role of the phase is filled.";
}

std::string directory_source(Language lang) {
    return da(lang) ? "Kilde: bottens rolleoversigt, som netværkets koordinatorer og kommunernes systemansvarlige vedligeholder"
                    : "Source: the bot's role directory, kept by the network's coordinators and each municipality's systemansvarlig";
}

std::string change_not_allowed(Language lang, std::string const& municipality, std::string const& systemansvarlig) {
    auto const who = systemansvarlig.empty() ? std::string() : " (" + systemansvarlig + ")";
    return da(lang) ? "Det må du desværre ikke. Rolleoversigten for " + municipality +
                          " ændres af netværkets koordinatorer og af kommunens systemansvarlige" + who + "."
                    : "Sorry, you may not do that. The role directory of " + municipality +
                          " is changed by the network's coordinators and by the municipality's systemansvarlig" + who + ".";
}

std::string change_needs_known_asker(Language lang) {
    return da(lang) ? "Jeg kan ikke se, hvem du er i rolleoversigten, så jeg kan ikke ændre den for dig. Bed netværkets koordinatorer om hjælp."
                    : "I cannot tell who you are in the role directory, so I cannot change it for you. Ask the network's coordinators.";
}

std::string change_unknown_person(Language lang) {
    return da(lang) ? "Jeg kender ikke personen. Skriv navn og e-mail, fx »sæt Ole Hansen ole@korsbaek.dk som superbruger i Korsbæk«."
                    : "I do not know that person. Write name and e-mail, e.g. \"set Ole Hansen ole@korsbaek.dk as superbruger in Korsbæk\".";
}

std::string change_unknown_role(Language lang) {
    return da(lang) ? "Jeg kender ikke den rolle. Brug navnet fra rollegalleriet, fx superbruger, systemansvarlig eller faglig leder."
                    : "I do not know that role. Use its name from the role gallery, e.g. superbruger, systemansvarlig or faglig leder.";
}

std::string change_which_municipality(Language lang) {
    return da(lang) ? "Hvilken kommune gælder det? Skriv fx »… i Korsbæk«." : "Which municipality? Write e.g. \"… in Korsbæk\".";
}

std::string change_done(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? "Sådan: " + person + " er nu " + role_title + " i " + municipality + ". Husk også at registrere det i KLIK."
                    : "Done: " + person + " is now " + role_title + " in " + municipality + ". Remember to register it in KLIK too.";
}

std::string change_already(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? person + " er allerede " + role_title + " i " + municipality + "."
                    : person + " is already " + role_title + " in " + municipality + ".";
}

std::string change_removed(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? person + " er ikke længere " + role_title + " i " + municipality + "."
                    : person + " is no longer " + role_title + " in " + municipality + ".";
}

std::string change_not_holding(Language lang, std::string const& person, std::string const& role_title, std::string const& municipality) {
    return da(lang) ? person + " er ikke " + role_title + " i " + municipality + ", så der er intet at fjerne."
                    : person + " is not " + role_title + " in " + municipality + ", so there is nothing to remove.";
}

std::string confirm_replacement(Language lang, std::string const& municipality, std::string const& current, std::string const& next) {
    return da(lang) ? municipality + " har allerede " + current + " som systemansvarlig, og der kan kun være én. Skal " + next +
                          " afløse " + current + " fra i dag? Svar »ja« eller »nej«."
                    : municipality + " already has " + current + " as systemansvarlig, and there can be only one. Shall " + next +
                          " take over from " + current + " today? Answer \"yes\" or \"no\".";
}

std::string replacement_cancelled(Language lang) {
    return da(lang) ? "Okay, jeg har ikke ændret noget." : "All right, I changed nothing.";
}

std::vector<adapters::ReplyAction> yes_no_actions(Language lang) {
    return {{da(lang) ? "Ja" : "Yes", da(lang) ? "ja" : "yes"}, {da(lang) ? "Nej" : "No", da(lang) ? "nej" : "no"}};
}

bool is_read_more(std::string_view folded, std::string& document_id) {
    for (std::string_view prefix : {"læs mere ", "more ", "read more "}) {
        if (folded.starts_with(prefix)) {
            auto rest = folded.substr(prefix.size());
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            while (!rest.empty() && (rest.back() == ' ' || rest.back() == '.')) rest.remove_suffix(1);
            if (rest.empty()) return false;
            document_id = std::string(rest);
            return true;
        }
    }
    return false;
}

}  // namespace superbruger::bot::texts
