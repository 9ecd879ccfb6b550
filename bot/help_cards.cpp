// The overview and the help cards. Domain terms stay Danish in English texts, as the network uses them.
#include "bot/help_cards.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/word_list.hpp"

#include <array>
#include <utility>

namespace superbruger::bot::help {

namespace {

using knowledge::Language;

bool da(Language lang) { return lang == Language::da; }

struct TopicWords {
    std::string_view words;  ///< folded, single spaces
    Topic topic;
};

constexpr std::array topic_words = {
    TopicWords{"spørgsmål", Topic::questions},        TopicWords{"questions", Topic::questions},
    TopicWords{"question", Topic::questions},         TopicWords{"svar", Topic::questions},
    TopicWords{"answers", Topic::questions},          TopicWords{"viden", Topic::questions},
    TopicWords{"knowledge", Topic::questions},        TopicWords{"rolleoversigt", Topic::directory},
    TopicWords{"rolleoversigten", Topic::directory},  TopicWords{"roller", Topic::directory},
    TopicWords{"roles", Topic::directory},            TopicWords{"role directory", Topic::directory},
    TopicWords{"directory", Topic::directory},        TopicWords{"ændringsønsker", Topic::change_requests},
    TopicWords{"ændringsønske", Topic::change_requests}, TopicWords{"change requests", Topic::change_requests},
    TopicWords{"change request", Topic::change_requests}, TopicWords{"releases", Topic::releases},
    TopicWords{"release", Topic::releases},           TopicWords{"gennemgang", Topic::releases},
    TopicWords{"gennemgå", Topic::releases},          TopicWords{"review", Topic::releases},
    TopicWords{"reviews", Topic::releases},           TopicWords{"releasenoter", Topic::releases},
    TopicWords{"release notes", Topic::releases},     TopicWords{"påmindelser", Topic::reminders},
    TopicWords{"påmindelse", Topic::reminders},       TopicWords{"reminders", Topic::reminders},
    TopicWords{"reminder", Topic::reminders},
};

std::string normalised(std::string_view folded) {
    std::string out;
    for (auto const& w : knowledge::split_words(folded)) out += (out.empty() ? "" : " ") + w;
    return out;
}

/// "til ændringsønsker", "om releases", "with reminders": the topic after a small word or none.
std::string without_small_word(std::string const& rest) {
    for (std::string_view small : {"til ", "om ", "med ", "for ", "with ", "on ", "about "}) {
        if (rest.starts_with(small)) return rest.substr(small.size());
    }
    return rest;
}

}  // namespace

std::vector<Topic> const& topics() {
    static std::vector<Topic> const all = {Topic::questions, Topic::directory, Topic::change_requests, Topic::releases, Topic::reminders};
    return all;
}

std::optional<Request> help_request(std::string_view folded) {
    auto trimmed = folded;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '/')) trimmed.remove_prefix(1);
    if (trimmed == "?" || trimmed == "??") return Request{Language::da, std::nullopt};
    auto const message = normalised(folded);
    for (std::string_view whole : {"hvad kan du", "hvad kan du så", "hvad kan botten", "hvad kan du hjælpe med"}) {
        if (message == whole) return Request{Language::da, std::nullopt};
    }
    for (std::string_view whole : {"what can you do", "what can you help with", "what can the bot do"}) {
        if (message == whole) return Request{Language::en, std::nullopt};
    }
    for (auto const& [word, lang] : {std::pair{std::string_view("hjælp"), Language::da}, std::pair{std::string_view("hjaelp"), Language::da},
                                     std::pair{std::string_view("help"), Language::en}}) {
        std::string const w(word);
        if (message == w) return Request{lang, std::nullopt};
        if (!message.starts_with(w + " ")) continue;
        auto const rest = without_small_word(message.substr(w.size() + 1));
        for (auto const& t : topic_words) {
            if (rest == t.words) return Request{lang, t.topic};
        }
        return Request{lang, std::nullopt};  // "hjælp mig": the overview
    }
    return std::nullopt;
}

std::string overview(Language lang) {
    return da(lang)
        ? "Jeg er superbrugernes bot for DUBU. Det kan jeg – skriv ordene, som de står:\n"
          "- **Spørgsmål** om roller og procedurer: skriv spørgsmålet, fx »hvad laver en superbruger?« eller "
          "»hvem må kontakte Netcompanys servicedesk?«\n"
          "- **Rolleoversigten**: »hvem er vores systemansvarlige?«, »hvem er superbruger i Næstved?«, "
          "»mangler vi nogle roller?«\n"
          "- **Ændringsønsker**: »nyt ændringsønske«, »mine ændringsønsker«, »alle ændringsønsker«\n"
          "- **Releases og gennemgang**: »hvilke releases er der?«, »gennemgå DUBU 3.4«, »status på DUBU 3.4«\n"
          "- **Påmindelser**: »stop påmindelser«, »start påmindelser«\n"
          "Skriv »hjælp spørgsmål«, »hjælp rolleoversigt«, »hjælp ændringsønsker«, »hjælp releases« eller "
          "»hjælp påmindelser« for en vejledning til hver del."
        : "I am the DUBU superbrugere's bot. This is what I do – type the words as they stand:\n"
          "- **Questions** about roles and procedures: write the question, e.g. \"what does a superbruger do?\" or "
          "\"who may contact Netcompany's servicedesk?\"\n"
          "- **The role directory**: \"who is our systemansvarlig?\", \"who is superbruger in Næstved?\", "
          "\"which roles are missing?\"\n"
          "- **Change requests**: \"new change request\", \"my change requests\", \"all change requests\"\n"
          "- **Releases and reviews**: \"which releases are there?\", \"review DUBU 3.4\", \"status of DUBU 3.4\"\n"
          "- **Reminders**: \"stop reminders\", \"start reminders\"\n"
          "Write \"help questions\", \"help directory\", \"help change requests\", \"help review\" or "
          "\"help reminders\" for a guide to each part.";
}

std::string card(Language lang, Topic topic) {
    switch (topic) {
        case Topic::questions:
            return da(lang)
                ? "**Spørgsmål**\nSkriv dit spørgsmål med almindelige ord, fx »hvem må kontakte Netcompanys servicedesk?«. "
                  "Svaret viser sin kilde. Under svaret:\n"
                  "- knappen **Læs mere** viser hele teksten bag svaret\n"
                  "- knapperne **Nyttigt** og **Ikke nyttigt** fortæller, om svaret hjalp\n"
                  "Kender jeg ikke svaret, siger jeg det ærligt og noterer spørgsmålet, så vidensbasen kan blive udbygget. "
                  "Knappen **Spørg en person** (eller »spørg en person: dit spørgsmål«) sender det til din kommunes "
                  "systemansvarlige, eller til netværkets koordinatorer; svaret kommer her i chatten. "
                  "Koordinatorer kan lægge et svar i vidensbasen med »føj svar 12 til vidensbasen«."
                : "**Questions**\nWrite your question in plain words, e.g. \"who may contact Netcompany's servicedesk?\". "
                  "The answer shows its source. Under the answer:\n"
                  "- the **Read more** button shows the whole text behind it\n"
                  "- the **Helpful** and **Not helpful** buttons tell whether it helped\n"
                  "When I do not know, I say so and note the question so the knowledge base can be extended. "
                  "The **Ask a person** button (or \"ask a person: your question\") sends it to your municipality's "
                  "systemansvarlig, or to the network's coordinators; the answer comes here in the chat. "
                  "Coordinators can add an answer to the knowledge base with \"add answer 12 to the knowledge base\".";
        case Topic::directory:
            return da(lang)
                ? "**Rolleoversigten**\nHvem har hvilken rolle i kommunerne:\n"
                  "- »hvem er vores systemansvarlige?«: din egen kommune\n"
                  "- »hvem er superbruger i Næstved?«: en anden kommune\n"
                  "- »hvilke roller har Anne Sørensen?«: en persons roller\n"
                  "- »mangler vi nogle roller?«: de obligatoriske roller, der ikke er besat\n"
                  "Koordinatorer og kommunens systemansvarlige kan ændre den: »sæt Ole Hansen ole@korsbaek.dk som "
                  "superbruger i Korsbæk«, »fjern Ole Hansen som superbruger i Korsbæk«."
                : "**The role directory**\nWho holds which role in the municipalities:\n"
                  "- \"who is our systemansvarlig?\": your own municipality\n"
                  "- \"who is superbruger in Næstved?\": another municipality\n"
                  "- \"which roles does Anne Sørensen have?\": one person's roles\n"
                  "- \"which roles are missing?\": the mandatory roles not filled\n"
                  "Coordinators and the municipality's systemansvarlig can change it: \"set Ole Hansen ole@korsbaek.dk as "
                  "superbruger in Korsbæk\", \"remove Ole Hansen as superbruger in Korsbæk\".";
        case Topic::change_requests:
            return da(lang)
                ? "**Ændringsønsker**\n"
                  "- »nyt ændringsønske«: jeg spørger om titel, beskrivelse, område, gevinst, hast og effekt ét ad gangen; "
                  "undervejs virker »tilbage«, »annuller« og »fortsæt«, og til sidst »send«\n"
                  "- Ligner dit ønske et, der findes, viser jeg det, og du kan støtte det i stedet (»støt ÆØ-2026-0001«)\n"
                  "- »mine ændringsønsker«, »vores ændringsønsker«, »alle ændringsønsker«, »alle ændringsønsker om breve«\n"
                  "- »status på ÆØ-2026-0001«: status, støtter og historik\n"
                  "- dit eget ønske, mens det er ny eller under vurdering: »ret ÆØ-2026-0001 titel: Ny titel« (også beskrivelse, "
                  "område, gevinst, hast, arbejdsgange); »træk tilbage ÆØ-2026-0001« trækker det tilbage, og støtterne får besked\n"
                  "- »fjern støtte ÆØ-2026-0001«: jeres kommune støtter det ikke længere\n"
                  "- koordinatorer retter en statusændring med begrundelse: »ret status ÆØ-2026-0001 til prioriteret: forkert status«\n"
                  "+1 ved et ønske betyder, at én kommune ud over den, der oprettede det, støtter det; +0, at ingen "
                  "andre har støttet det endnu."
                : "**Change requests**\n"
                  "- \"new change request\": I ask for title, description, area, benefit, urgency and effect one at a time; "
                  "\"back\", \"cancel\" and \"continue\" work along the way, and \"submit\" at the end\n"
                  "- When yours looks like one that exists, I show it and you can support it instead (\"support ÆØ-2026-0001\")\n"
                  "- \"my change requests\", \"our change requests\", \"all change requests\", \"all change requests about breve\"\n"
                  "- \"status of ÆØ-2026-0001\": status, supporters and history\n"
                  "- your own request, while it is ny or under vurdering: \"edit ÆØ-2026-0001 title: New title\" (also description, "
                  "area, benefit, urgency, workflows); \"withdraw ÆØ-2026-0001\" withdraws it and its supporters are told\n"
                  "- \"remove support ÆØ-2026-0001\": your municipality no longer supports it\n"
                  "- coordinators correct a status move with a reason: \"correct status ÆØ-2026-0001 to prioritised: wrong status\"\n"
                  "+1 next to a request means one municipality besides the one that filed it supports it; +0 that "
                  "no other has supported it yet.";
        case Topic::releases:
            return da(lang)
                ? "**Releases og gennemgang**\nNår en release er registreret, gennemgår kommunens superbrugere punkterne i "
                  "releasenoten sammen; hvert svar gemmes med det samme, og I deler arbejdet:\n"
                  "- »hvilke releases er der?«: releases og frister\n"
                  "- »gennemgå DUBU 3.4«: de punkter, kommunen ikke har gennemgået, ét ad gangen (effekt, lokal konfiguration, "
                  "besked til slutbrugere, note)\n"
                  "- undervejs: »spring over«, »tilbage« (forrige spørgsmål), »ret punkt 2« (et punkt, der er gemt), »stop«; har en "
                  "kollega allerede svaret på et punkt, viser jeg svaret og spørger, før dit erstatter det\n"
                  "- »status på DUBU 3.4«: hvor langt kommunen er (koordinatorer ser hele netværket)\n"
                  "Koordinatorer registrerer en release med »registrer release DUBU 3.5 dato 2026-12-01 frist 2026-12-15«."
                : "**Releases and reviews**\nWhen a release is registered, the municipality's superbrugere review the items of "
                  "its release notes together; each answer is saved at once and you share the work:\n"
                  "- \"which releases are there?\": releases and deadlines\n"
                  "- \"review DUBU 3.4\": the items the municipality has not reviewed, one at a time (effect, local "
                  "configuration, telling the end users, note)\n"
                  "- along the way: \"skip\", \"back\" (previous question), \"correct item 2\" (a saved item), \"stop\"; when a "
                  "colleague has answered an item, I show the answer and ask before yours replaces it\n"
                  "- \"status of DUBU 3.4\": how far the municipality is (coordinators see the whole network)\n"
                  "Coordinators register a release with \"register release DUBU 3.5 date 2026-12-01 deadline 2026-12-15\".";
        case Topic::reminders:
            return da(lang)
                ? "**Påmindelser**\nFør en releases frist minder jeg kommunens superbrugere om de punkter, der mangler.\n"
                  "- »stop påmindelser«: ingen flere påmindelser til dig\n"
                  "- »start påmindelser«: påmindelser igen"
                : "**Reminders**\nBefore a release's deadline I remind the municipality's superbrugere of the items still open.\n"
                  "- \"stop reminders\": no more reminders to you\n"
                  "- \"start reminders\": reminders again";
    }
    return overview(lang);
}

}  // namespace superbruger::bot::help
