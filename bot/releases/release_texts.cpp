// Release-review sentences.
#include "bot/releases/release_texts.hpp"

#include "bot/counted.hpp"

namespace superbruger::bot::releases::texts {

namespace {
bool da(Language lang) { return lang == Language::da; }
}  // namespace

std::string unknown_release(Language lang, std::string const& name) {
    return da(lang) ? "Jeg kender ingen release ved navn »" + name + "«." : "I know no release called \"" + name + "\".";
}

std::string did_you_mean_release(Language lang, std::string const& typed, std::string const& name) {
    return unknown_release(lang, typed) + (da(lang) ? " Mente du " : " Did you mean ") + name + "?";
}

std::string release_list(Language lang, std::vector<std::string> const& lines, std::string const& example) {
    std::string text = da(lang) ? "**Registrerede releases**" : "**Registered releases**";
    for (auto const& line : lines) text += "\n- " + line;
    text += da(lang) ? "\n\nSkriv »gennemgå " + example + "« for at gennemgå punkterne, eller »status på " + example + "«."
                     : "\n\nWrite \"review " + example + "\" to review the items, or \"status of " + example + "\".";
    return text;
}

std::string no_releases(Language lang) {
    return da(lang) ? "Der er ingen registrerede releases endnu. Netværkets koordinatorer registrerer dem, når releasenoten kommer."
                    : "No releases are registered yet. The network's coordinators register them when the release notes arrive.";
}

std::string not_allowed(Language lang) {
    return da(lang) ? "Gennemgangen af release notes laves af kommunens superbrugere. Jeg kan ikke se, at du er registreret som superbruger."
                    : "Release notes are reviewed by the municipality's superbrugere. I cannot see that you are registered as one.";
}

std::string item_heading(Language lang, storage::Release const& release, storage::ReleaseItem const& item) {
    std::string out = "**" + release.name + (da(lang) ? ", punkt " : ", item ") + std::to_string(item.number) +
                      (da(lang) ? " af " : " of ") + std::to_string(release.items.size()) + ": " + item.title + "**";
    if (!item.body.empty()) out += "\n" + item.body;
    return out;
}

std::string ask_effect(Language lang) {
    return da(lang) ? "Hvilken effekt har det for slutbrugernes arbejdsgange: ingen, lav, middel eller høj?"
                    : "What effect does it have on the end users' workflows: none, low, medium or high?";
}

std::string ask_local_config(Language lang) {
    return da(lang) ? "Kræver det lokal konfiguration (fx journalfraser, standardbreve, ydelseskatalog, aktivitetsflow)? Svar nej, eller ja: hvad."
                    : "Does it need local configuration (e.g. journal phrases, standard letters, service catalogue, activity flow)? Answer no, or yes: what.";
}

std::string ask_local_config_what(Language lang) {
    return da(lang) ? "Hvad skal konfigureres?" : "What needs configuring?";
}

std::string ask_communication(Language lang) {
    return da(lang) ? "Skal slutbrugerne have besked? Svar nej, eller ja: hvordan." : "Should the end users be told? Answer no, or yes: how.";
}

std::string ask_communication_how(Language lang) {
    return da(lang) ? "Hvordan får slutbrugerne besked?" : "How will the end users be told?";
}

std::string ask_note(Language lang) {
    return da(lang) ? "En note til punktet? Skriv den, eller »-« for ingen." : "A note on the item? Write it, or \"-\" for none.";
}

std::string bad_effect(Language lang) {
    return da(lang) ? "Vælg ingen, lav, middel eller høj." : "Choose none, low, medium or high.";
}

std::string bad_yes_no(Language lang) {
    return da(lang) ? "Svar nej, eller ja efterfulgt af en forklaring." : "Answer no, or yes followed by an explanation.";
}

std::string controls(Language lang) {
    return da(lang) ? "(»spring over« tager næste punkt, »tilbage« det forrige spørgsmål, »ret punkt 2« et gemt punkt, »stop« afslutter; det gemte er gemt.)"
                    : "(\"skip\" takes the next item, \"back\" the previous question, \"correct item 2\" a saved item, \"stop\" ends; what is saved stays saved.)";
}

std::string review_paused(Language lang, std::string const& release, int item) {
    auto const n = std::to_string(item);
    return da(lang) ? "Du er i gang med gennemgangen af " + release + " (punkt " + n + ") – skriv »fortsæt« for at komme tilbage."
                    : "You are in the middle of reviewing " + release + " (item " + n + ") – write \"continue\" to get back to it.";
}

std::string review_summary(Language lang, storage::ItemReview const& r) {
    std::string out = (da(lang) ? "effekt " : "effect ") + r.effect;
    out += da(lang) ? "; lokal konfiguration: " : "; local configuration: ";
    out += r.local_config ? r.local_config_what : (da(lang) ? "nej" : "no");
    out += da(lang) ? "; besked til slutbrugere: " : "; tell the end users: ";
    out += r.communication ? r.communication_how : (da(lang) ? "nej" : "no");
    if (!r.note.empty()) out += "; note: " + r.note;
    return out;
}

std::string existing_answer(Language lang, storage::ItemReview const& r) {
    auto const n = std::to_string(r.item_number);
    auto const when = r.reviewed_at.substr(0, 10);
    return da(lang) ? "Punkt " + n + " er gennemgået af " + r.reviewed_by + " (" + when + "): " + review_summary(lang, r) + ". Dine nye svar erstatter det."
                    : "Item " + n + " was reviewed by " + r.reviewed_by + " (" + when + "): " + review_summary(lang, r) + ". Your new answers replace it.";
}

std::string ask_overwrite(Language lang, storage::ItemReview const& r) {
    auto const n = std::to_string(r.item_number);
    return da(lang) ? r.reviewed_by + " har allerede svaret på punkt " + n + " for kommunen: " + review_summary(lang, r) +
                          ".\nSkal dit svar erstatte det? Svar »ja« eller »nej«."
                    : r.reviewed_by + " has already answered item " + n + " for the municipality: " + review_summary(lang, r) +
                          ".\nShall your answer replace it? Answer \"yes\" or \"no\".";
}

std::string kept_colleagues_answer(Language lang, int item, std::string const& colleague) {
    auto const n = std::to_string(item);
    return da(lang) ? "Punkt " + n + " beholder " + colleague + "s svar." : "Item " + n + " keeps " + colleague + "'s answer.";
}

std::string answered_by(Language lang, storage::ItemReview const& r) {
    return review_summary(lang, r) + " (" + r.reviewed_by + ")";
}

std::string not_answered(Language lang) { return da(lang) ? "ikke gennemgået" : "not reviewed"; }

std::string went_back(Language lang) { return da(lang) ? "Vi går et spørgsmål tilbage." : "Back one question."; }

std::string nothing_to_go_back_to(Language lang) {
    return da(lang) ? "Der er ikke noget at gå tilbage til endnu." : "There is nothing to go back to yet.";
}

std::string no_such_item(Language lang, int item, std::size_t items) {
    return da(lang) ? "Der er ikke noget punkt " + std::to_string(item) + "; releasen har punkt 1 til " + std::to_string(items) + "."
                    : "There is no item " + std::to_string(item) + "; the release has items 1 to " + std::to_string(items) + ".";
}

std::string correct_item_needs_review(Language lang) {
    return da(lang) ? "Skriv først »gennemgå DUBU 3.4« (releasens navn), så kan du rette et punkt med »ret punkt 2«."
                    : "First write \"review DUBU 3.4\" (the release's name); then \"correct item 2\" corrects an item.";
}

std::string all_reviewed(Language lang, std::string const& release, std::string const& municipality) {
    return da(lang) ? "Alle punkter i " + release + " er gennemgået for " + municipality + ". Tak!"
                    : "Every item of " + release + " is reviewed for " + municipality + ". Thank you!";
}

std::string review_stopped(Language lang, std::size_t saved) {
    return da(lang) ? "Gennemgangen er stoppet. " + counted(saved, "punkt", "punkter") + " blev gemt i denne omgang; skriv »gennemgå« igen for at fortsætte."
                    : "The review is stopped. " + counted(saved, "item was", "items were") + " saved this time; write \"review\" again to go on.";
}

std::string progress_line(Language lang, std::string const& municipality, std::size_t reviewed, std::size_t total,
                          std::vector<int> const& missing) {
    std::string out = municipality + ": " + std::to_string(reviewed) + (da(lang) ? " af " : " of ") + std::to_string(total) +
                      (da(lang) ? " punkter gennemgået" : " items reviewed");
    if (!missing.empty()) {
        out += da(lang) ? "; mangler " : "; missing ";
        for (std::size_t i = 0; i < missing.size(); ++i) out += (i ? ", " : "") + std::to_string(missing[i]);
    }
    return out + ".";
}

std::string without_superbrugere(Language lang, std::string const& names) {
    return (lang == Language::da ? "Uden superbrugere, så uden gennemgang: " : "No superbrugere, so no review: ") + names;
}

std::string network_heading(Language lang, std::size_t complete, std::size_t municipalities) {
    return da(lang) ? "**Netværket: " + std::to_string(complete) + " af " + std::to_string(municipalities) + " kommuner er færdige**"
                    : "**The network: " + std::to_string(complete) + " of " + std::to_string(municipalities) + " municipalities are done**";
}

std::string muted(Language lang, bool changed) {
    return da(lang) ? (changed ? "Du får ikke flere påmindelser. Skriv »start påmindelser« for at få dem igen." : "Dine påmindelser er allerede slået fra.")
                    : (changed ? "You will get no more reminders. Write \"start reminders\" to get them again." : "Your reminders are already off.");
}

std::string unmuted(Language lang, bool changed) {
    return da(lang) ? (changed ? "Du får påmindelser igen." : "Dine påmindelser er allerede slået til.")
                    : (changed ? "You will get reminders again." : "Your reminders are already on.");
}

std::string form_problems(Language lang) {
    return da(lang) ? "Punktet kan ikke gemmes endnu:" : "The item cannot be saved yet:";
}

// Registration is the coordinators' work, in Danish.
std::string only_coordinators() { return "Kun netværkets koordinatorer registrerer releases."; }

std::string send_notes(std::string const& name) {
    return "Send release notes for " + name + " i din næste besked (tekst eller Markdown med punkter), eller skriv »annuller«.";
}

std::string registration_cancelled() { return "Registreringen er annulleret; intet er gemt."; }

std::string nothing_registered() { return "Intet er registreret; skriv »registrer release …« igen."; }

std::string registered(storage::Release const& release, std::size_t announced) {
    std::string out = release.name + " er registreret med " + std::to_string(release.items.size()) + " punkter (frist " + release.deadline + "):";
    for (auto const& item : release.items) out += "\n- " + std::to_string(item.number) + ". " + item.title;
    out += "\n\nMeddelelsen går til " + std::to_string(announced) + " superbrugere i næste hverdagsvindue. Er opdelingen forkert, så ret den med "
           "»superbot releases items«.";
    return out;
}

// Messages the bot sends first go out in Danish, the network's language.
std::string registration_preview(storage::Release const& release, std::size_t recipients, std::size_t municipalities,
                                 std::string const& example_municipality, std::string const& unusual) {
    std::string out = release.name + " (releasedato " + release.release_date + ", frist " + release.deadline + ") får " +
                      std::to_string(release.items.size()) + " punkter:";
    for (auto const& item : release.items) out += "\n- " + std::to_string(item.number) + ". " + item.title;
    if (recipients == 0) {
        out += "\n\nMeddelelsen når ingen: ingen superbruger kan nås i chat endnu.";
    } else {
        out += "\n\nMeddelelsen, som den lyder i " + example_municipality + ":\n> " + announcement(release, example_municipality) +
               "\n\nDen sendes til " + std::to_string(recipients) + " superbrugere i " + std::to_string(municipalities) + " kommuner.";
    }
    if (!unusual.empty()) out += "\n\n**Bemærk:** releasedatoen " + release.release_date + " " + unusual + ". Er det en tastefejl?";
    out += "\n\nSkriv »ja« for at registrere og sende, eller »nej«.";
    return out;
}

std::string announcement(storage::Release const& release, std::string const& municipality) {
    return "Ny DUBU-release: **" + release.name + "** kommer " + release.release_date + ". Release notes har " +
           std::to_string(release.items.size()) + " punkter, som " + municipality + " skal gennemgå senest " + release.deadline +
           ": effekt på arbejdsgange, lokal konfiguration og besked til slutbrugerne. Skriv »gennemgå " + release.name + "« for at gå i gang.";
}

std::string reminder(storage::Release const& release, std::string const& municipality, std::size_t open, std::size_t total) {
    return "Påmindelse: " + municipality + " mangler at gennemgå " + std::to_string(open) + " af " + std::to_string(total) +
           " punkter i release notes for **" + release.name + "**. Fristen er " + release.deadline + ". Skriv »gennemgå " + release.name +
           "« for at fortsætte, eller »stop påmindelser«.";
}

}  // namespace superbruger::bot::releases::texts
