// Change-request sentences.
#include "bot/change_requests/request_texts.hpp"

#include "bot/join.hpp"
#include "bot/time_format.hpp"

#include <map>

namespace superbruger::bot::change_requests::texts {

namespace {
bool da(Language lang) { return lang == Language::da; }
}  // namespace

std::string form_intro(Language lang) {
    return da(lang) ? "Du kan også udfylde hele ændringsønsket i formularen herunder." : "You can also fill in the whole request in the form below.";
}

std::string form_problems(Language lang) {
    return da(lang) ? "Formularen kan ikke indsendes endnu:" : "The form cannot be submitted yet:";
}

std::string field_label(Language lang, std::string const& field) {
    static std::map<std::string, std::pair<char const*, char const*>> const labels = {
        {"title", {"Titel", "Title"}},
        {"description", {"Beskrivelse", "Description"}},
        {"area", {"DUBU-område", "DUBU area"}},
        {"benefit", {"Gevinst", "Benefit"}},
        {"urgency", {"Hast", "Urgency"}},
        {"workflow_effect", {"Betydning for arbejdsgange", "Effect on workflows"}},
    };
    auto it = labels.find(field);
    if (it == labels.end()) return field;
    return da(lang) ? it->second.first : it->second.second;
}

std::string prompt(Language lang, std::string const& field, std::size_t step, std::size_t steps) {
    static std::map<std::string, std::pair<char const*, char const*>> const questions = {
        {"title", {"Hvad skal ændringsønsket hedde? Skriv en kort titel (højst 120 tegn).",
                   "What should the change request be called? Write a short title (at most 120 characters)."}},
        {"description", {"Beskriv problemet og den ændring, I ønsker (højst 4000 tegn).",
                         "Describe the problem and the change you wish for (at most 4000 characters)."}},
        {"area", {"Hvilket område i DUBU drejer det sig om, fx sagsbehandling, handleplan, økonomi eller breve?",
                  "Which part of DUBU is it about, for example case handling, action plans, finance or letters?"}},
        {"benefit", {"Hvad er gevinsten, hvis ønsket bliver opfyldt?", "What is gained if the wish is met?"}},
        {"urgency", {"Hvor hastende er det: lav, middel eller høj?", "How urgent is it: low, medium or high?"}},
        {"workflow_effect", {"Hvordan påvirker det arbejdsgangene hos jer?", "How does it affect your workflows?"}},
    };
    auto const& q = questions.at(field);
    return (da(lang) ? "Trin " : "Step ") + std::to_string(step) + (da(lang) ? " af " : " of ") + std::to_string(steps) + ": " +
           (da(lang) ? q.first : q.second);
}

std::string controls(Language lang) {
    return da(lang) ? "Skriv »tilbage« for at rette det forrige svar eller »annuller« for at stoppe."
                    : "Write \"back\" to change the previous answer or \"cancel\" to stop.";
}

std::string empty_answer(Language lang) {
    return da(lang) ? "Svaret må ikke være tomt." : "The answer must not be empty.";
}

std::string too_long(Language lang, std::size_t chars, std::size_t max) {
    return da(lang) ? "Svaret er " + std::to_string(chars) + " tegn; der må højst være " + std::to_string(max) + "."
                    : "The answer is " + std::to_string(chars) + " characters; at most " + std::to_string(max) + " are allowed.";
}

std::string bad_urgency(Language lang) {
    return da(lang) ? "Vælg lav, middel eller høj." : "Choose low, medium or high.";
}

std::string resumed(Language lang) {
    return da(lang) ? "Du har et påbegyndt ændringsønske; vi fortsætter, hvor du slap."
                    : "You have a change request in progress; we continue where you left off.";
}

std::string dialog_paused(Language lang, std::size_t step, std::size_t steps) {
    auto const where = step > steps ? (da(lang) ? "opsummeringen" : "the summary")
                                    : (da(lang) ? "trin " : "step ") + std::to_string(step) + (da(lang) ? " af " : " of ") + std::to_string(steps);
    return da(lang) ? "Du er i gang med et ændringsønske (" + where + ") – skriv »fortsæt« for at komme tilbage."
                    : "You are in the middle of a change request (" + where + ") – write \"continue\" to get back to it.";
}

std::string cancelled(Language lang) {
    return da(lang) ? "Ændringsønsket er annulleret; intet er indsendt." : "The change request is cancelled; nothing was submitted.";
}

std::string nothing_to_go_back_to(Language lang) {
    return da(lang) ? "Det er det første spørgsmål; der er ikke noget at gå tilbage til."
                    : "This is the first question; there is nothing to go back to.";
}

std::string summary(Language lang, std::map<std::string, std::string> const& fields) {
    std::string out = da(lang) ? "**Dit ændringsønske**" : "**Your change request**";
    for (auto const* key : {"title", "description", "area", "benefit", "urgency", "workflow_effect"}) {
        auto it = fields.find(key);
        out += "\n- **" + field_label(lang, key) + "**: " + (it == fields.end() ? "" : it->second);
    }
    return out;
}

std::string similar_heading(Language lang) {
    return da(lang) ? "**Lignende ønsker fra netværket**" : "**Similar requests from the network**";
}

std::string similar_line(storage::ChangeRequest const& r, std::string const& municipality, std::size_t supporters) {
    return "- " + r.ref + " " + r.title + " (" + municipality + ", " + r.status + ", +" + std::to_string(supporters) + ")";
}

std::string confirm_choices(Language lang, bool has_similar) {
    if (da(lang)) {
        return std::string("Skriv »send« for at indsende det") + (has_similar ? ", »støt ÆØ-…« for at støtte et af de lignende i stedet" : "") +
               ", »tilbage« for at rette eller »annuller«.";
    }
    return std::string("Write \"send\" to submit it") + (has_similar ? ", \"support ÆØ-…\" to support one of the similar ones instead" : "") +
           ", \"back\" to change it or \"cancel\".";
}

std::string submitted(Language lang, std::string const& ref) {
    return da(lang) ? "Tak! Dit ændringsønske er registreret som " + ref + " med status »ny«. Du får besked, når status ændres."
                    : "Thank you! Your change request is registered as " + ref + " with status \"ny\". You will hear when the status changes.";
}

std::string already_submitted(Language lang, std::string const& ref) {
    return da(lang) ? "Dit ændringsønske er allerede registreret som " + ref + "."
                    : "Your change request is already registered as " + ref + ".";
}

std::string submit_not_allowed(Language lang, std::string const& municipality, std::vector<std::string> const& superbrugere) {
    if (superbrugere.empty()) {
        return da(lang) ? "Kun superbrugere kan indsende ændringsønsker, og jeg kender ingen superbruger i " + municipality +
                              ". Spørg jeres systemansvarlige."
                        : "Only superbrugere can submit change requests, and I know no superbruger in " + municipality +
                              ". Ask your systemansvarlig.";
    }
    return da(lang) ? "Kun superbrugere kan indsende ændringsønsker. Spørg din kommunes superbruger: " + join(superbrugere) + "."
                    : "Only superbrugere can submit change requests. Ask your municipality's superbruger: " + join(superbrugere) + ".";
}

std::string unknown_asker(Language lang) {
    return da(lang) ? "Kun superbrugere kan indsende og støtte ændringsønsker, og jeg kan ikke se, hvem du er. Bed din kommunes "
                      "systemansvarlige om at registrere dig i rollekataloget."
                    : "Only superbrugere can submit and support change requests, and I cannot tell who you are. Ask your "
                      "municipality's systemansvarlig to register you in the role directory.";
}

std::string supported(Language lang, std::string const& municipality, std::string const& ref, std::string const& title) {
    return da(lang) ? "Tak! " + municipality + " støtter nu " + ref + " »" + title + "«. Du får besked, når status ændres."
                    : "Thank you! " + municipality + " now supports " + ref + " \"" + title + "\". You will hear when the status changes.";
}

std::string already_supports(Language lang, std::string const& municipality, std::string const& ref) {
    return da(lang) ? municipality + " støtter allerede " + ref + "." : municipality + " already supports " + ref + ".";
}

std::string own_request(Language lang, std::string const& ref) {
    return da(lang) ? ref + " er jeres eget ønske; I behøver ikke at støtte det." : ref + " is your own request; there is no need to support it.";
}

std::string unknown_ref(Language lang, std::string const& ref) {
    return da(lang) ? "Jeg kender intet ændringsønske med id " + ref + ". Skriv »alle ændringsønsker« for at se dem."
                    : "I know no change request with id " + ref + ". Write \"all change requests\" to see them.";
}

std::string list_heading(Language lang, std::string const& what) {
    return "**" + what + "**" + (da(lang) ? "" : "");
}

std::string list_line(storage::ChangeRequest const& r, std::string const& municipality, std::size_t supporters) {
    return "- " + r.ref + " " + r.title + " – " + r.status + (r.release.empty() ? "" : " (" + r.release + ")") + " · " + municipality +
           (supporters == 0 ? "" : " +" + std::to_string(supporters));
}

std::string none_found(Language lang) {
    return da(lang) ? "Der er ingen ændringsønsker, der passer." : "No change requests match.";
}

std::string status_view(Language lang, storage::ChangeRequest const& r, std::string const& municipality,
                        std::vector<std::string> const& supporters, std::vector<storage::StatusChange> const& history) {
    std::string out = "**" + r.ref + " " + r.title + "**\n";
    out += (da(lang) ? "Status: " : "Status: ") + r.status + (r.release.empty() ? "" : " (" + r.release + ")") + "\n";
    out += (da(lang) ? "Indsendt af " : "Submitted by ") + municipality + " (" + r.submitter.name + ", " + copenhagen_time(r.created_at).substr(0, 10) + ")";
    if (!supporters.empty()) out += (da(lang) ? "; støttet af " : "; supported by ") + join(supporters);
    out += "\n" + std::string(da(lang) ? "Hast: " : "Urgency: ") + r.urgency + " · " + (da(lang) ? "Område: " : "Area: ") + r.area;
    out += "\n\n" + r.description;
    out += da(lang) ? "\n\n**Historik**" : "\n\n**History**";
    for (auto const& h : history) {
        out += "\n- " + copenhagen_time(h.at).substr(0, 10) + ": ";
        if (h.kind == "edit" || h.kind == "support" || h.kind == "support_removed") {
            out += h.comment + " (" + h.actor + ")";
            continue;
        }
        if (h.kind == "correction") out += da(lang) ? "rettet: " : "corrected: ";
        if (h.kind == "withdrawn") out += da(lang) ? "trukket tilbage: " : "withdrawn: ";
        out += (h.from.empty() ? "" : h.from + " → ") + h.to + " (" + h.actor + ")";
        if (!h.comment.empty()) out += ": " + h.comment;
    }
    return out;
}

std::string moved(Language lang, std::string const& ref, std::string const& from, std::string const& to) {
    return da(lang) ? ref + " er flyttet fra »" + from + "« til »" + to + "«. Indsender og støtter får besked."
                    : ref + " moved from \"" + from + "\" to \"" + to + "\". The submitter and supporters are told.";
}

std::string move_not_allowed(Language lang, std::string const& ref, std::string const& from, std::string const& to) {
    return da(lang) ? "Du må ikke flytte " + ref + " fra »" + from + "« til »" + to +
                          "«. Den indsendende kommunes systemansvarlige flytter egne ønsker frem til »sendt til KOMBIT«; resten gør "
                          "netværkets koordinatorer."
                    : "You may not move " + ref + " from \"" + from + "\" to \"" + to +
                          "\". The submitting municipality's systemansvarlig moves its own requests up to \"sendt til KOMBIT\"; the "
                          "network's coordinators do the rest.";
}

std::string no_such_transition(Language lang, std::string const& ref, std::string const& from, std::string const& to) {
    return da(lang) ? ref + " kan ikke gå fra »" + from + "« til »" + to + "«." : ref + " cannot go from \"" + from + "\" to \"" + to + "\".";
}

std::string needs_release(Language lang, std::string const& ref) {
    return da(lang) ? "Skriv også hvilken release, fx »flyt " + ref + " til implementeret i DUBU 3.4«."
                    : "Also name the release, for example \"move " + ref + " to implemented in DUBU 3.4\".";
}

std::string notification(Language lang, storage::ChangeRequest const& r, std::string const& from, std::string const& to,
                         std::string const& actor, std::string const& comment) {
    std::string out = da(lang) ? "Ændringsønsket " + r.ref + " »" + r.title + "« har skiftet status fra »" + from + "« til »" + to + "« (" + actor + ")."
                               : "Change request " + r.ref + " \"" + r.title + "\" moved from \"" + from + "\" to \"" + to + "\" (" + actor + ").";
    if (!r.release.empty() && to == "implementeret") out += (da(lang) ? " Release: " : " Release: ") + r.release + ".";
    if (!comment.empty()) out += (da(lang) ? " Kommentar: " : " Comment: ") + comment;
    return out;
}

std::string supported_notification(Language lang, storage::ChangeRequest const& r, std::string const& municipality) {
    return da(lang) ? municipality + " støtter nu jeres ændringsønske " + r.ref + " »" + r.title + "«."
                    : municipality + " now supports your change request " + r.ref + " \"" + r.title + "\".";
}

std::string plus_explained(Language lang) {
    return da(lang) ? "(+1 betyder, at én kommune ud over den, der oprettede ønsket, støtter det; +0, at ingen andre har støttet det endnu.)"
                    : "(+1 means one municipality besides the one that filed the request supports it; +0 that no other has yet.)";
}

std::string not_supportable(Language lang, std::string const& ref, std::string const& status) {
    return da(lang) ? ref + " har status »" + status + "« og kan ikke støttes længere. Opret gerne et nyt ændringsønske med »nyt ændringsønske«."
                    : ref + " has status \"" + status + "\" and can no longer be supported. File a new one with \"new change request\".";
}

std::string edit_usage(Language lang, std::string const& ref) {
    return da(lang) ? "Du kan rette dit ønske, mens det er »ny« eller »under vurdering«: skriv fx »ret " + ref +
                          " titel: Ny titel«. Felterne er titel, beskrivelse, område, gevinst, hast og arbejdsgange. »træk tilbage " + ref +
                          "« trækker det tilbage."
                    : "You can edit your request while it is \"ny\" or \"under vurdering\": write e.g. \"edit " + ref +
                          " title: New title\". The fields are title, description, area, benefit, urgency and workflows. \"withdraw " + ref +
                          "\" withdraws it.";
}

std::string edit_not_submitter(Language lang, std::string const& ref, std::string const& submitter) {
    return da(lang) ? "Kun den, der indsendte " + ref + " (" + submitter + "), kan rette det."
                    : "Only the one who submitted " + ref + " (" + submitter + ") can edit it.";
}

std::string edit_too_late(Language lang, std::string const& ref, std::string const& status) {
    return da(lang) ? ref + " har status »" + status + "« og kan ikke rettes længere; skriv til netværkets koordinatorer, hvis noget skal ændres."
                    : ref + " has status \"" + status + "\" and can no longer be edited; write to the network's coordinators if something must change.";
}

std::string edit_unchanged(Language lang, std::string const& ref, std::string const& field) {
    return da(lang) ? field + " i " + ref + " er allerede sådan; intet er ændret." : "The " + field + " of " + ref + " is already that; nothing changed.";
}

std::string edited(Language lang, std::string const& ref, std::string const& field, std::string const& value) {
    return da(lang) ? field + " i " + ref + " er rettet til »" + value + "«. Rettelsen står i ønskets historik."
                    : "The " + field + " of " + ref + " is now \"" + value + "\". The edit is in the request's history.";
}

std::string withdraw_not_allowed(Language lang, std::string const& ref) {
    return da(lang) ? "Kun den, der indsendte " + ref + ", og kommunens systemansvarlige kan trække det tilbage."
                    : "Only the one who submitted " + ref + " and the municipality's systemansvarlig can withdraw it.";
}

std::string withdraw_too_late(Language lang, std::string const& ref, std::string const& status) {
    return da(lang) ? ref + " har status »" + status + "« og kan ikke trækkes tilbage i chatten; skriv til netværkets koordinatorer."
                    : ref + " has status \"" + status + "\" and cannot be withdrawn in chat; write to the network's coordinators.";
}

std::string withdrawn(Language lang, std::string const& ref, std::size_t supporters) {
    auto const n = std::to_string(supporters);
    std::string told;
    if (supporters == 1) told = da(lang) ? " Kommunen, der støttede det, får besked." : " The supporting municipality is told.";
    else if (supporters > 1) told = da(lang) ? " De " + n + " kommuner, der støttede det, får besked." : " The " + n + " supporting municipalities are told.";
    return (da(lang) ? ref + " er trukket tilbage (status »trukket tilbage«)." : ref + " is withdrawn (status \"trukket tilbage\").") + told;
}

std::string withdrawn_notification(Language lang, storage::ChangeRequest const& r, std::string const& municipality, std::string const& actor,
                                   std::string const& reason) {
    std::string out = da(lang) ? municipality + " har trukket ændringsønsket " + r.ref + " »" + r.title + "« tilbage (" + actor + ")."
                               : municipality + " has withdrawn change request " + r.ref + " \"" + r.title + "\" (" + actor + ").";
    if (!reason.empty()) out += (da(lang) ? " Begrundelse: " : " Reason: ") + reason;
    return out;
}

std::string not_supporting(Language lang, std::string const& municipality, std::string const& ref) {
    return da(lang) ? municipality + " støtter ikke " + ref + ", så der er ingen støtte at fjerne."
                    : municipality + " does not support " + ref + ", so there is no support to remove.";
}

std::string support_removed(Language lang, std::string const& municipality, std::string const& ref) {
    return da(lang) ? municipality + " støtter ikke længere " + ref + "." : municipality + " no longer supports " + ref + ".";
}

std::string correction_only_coordinators(Language lang) {
    return da(lang) ? "Kun netværkets koordinatorer kan rette en statusændring."
                    : "Only the network's coordinators can correct a status change.";
}

std::string correction_usage(Language lang, std::string const& ref) {
    return da(lang) ? "Skriv status og begrundelse, fx »ret status " + ref + " til implementeret i DUBU 3.5: forkert release«."
                    : "Write the status and a reason, e.g. \"correct status " + ref + " to implemented in DUBU 3.5: wrong release\".";
}

std::string corrected(Language lang, std::string const& ref, std::string const& from, std::string const& to) {
    return da(lang) ? ref + " er rettet fra »" + from + "« til »" + to + "«. Rettelsen og begrundelsen står i historikken, og indsender og støtter får besked."
                    : ref + " is corrected from \"" + from + "\" to \"" + to + "\". The correction and its reason are in the history, and the submitter and supporters are told.";
}

std::string corrected_notification(Language lang, storage::ChangeRequest const& r, std::string const& from, std::string const& actor,
                                   std::string const& reason) {
    return da(lang) ? "Status for ændringsønsket " + r.ref + " »" + r.title + "« er rettet fra »" + from + "« til »" + r.status + "«" +
                          (r.release.empty() ? "" : " (" + r.release + ")") + " (" + actor + "). Begrundelse: " + reason
                    : "The status of change request " + r.ref + " \"" + r.title + "\" is corrected from \"" + from + "\" to \"" + r.status + "\"" +
                          (r.release.empty() ? "" : " (" + r.release + ")") + " (" + actor + "). Reason: " + reason;
}

std::string source(Language lang) {
    return da(lang) ? "Kilde: netværkets ændringsønsker" : "Source: the network's change requests";
}

}  // namespace superbruger::bot::change_requests::texts
