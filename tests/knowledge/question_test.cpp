// Question types from the wording, the cue words they consume, and the marks of an answer.
#include "knowledge/danish_text.hpp"
#include "knowledge/question.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {
QuestionForm form_of(std::string_view q) { return read_question_form(q, fold_case(q)); }
QuestionType type_of(std::string_view q) { return form_of(q).type; }
}  // namespace

TEST_CASE("who questions", "[knowledge][question]") {
    CHECK(type_of("hvem leder styregruppen?") == QuestionType::who);
    // "står for" alone is "is in charge of", not an abbreviation's expansion.
    CHECK(type_of("hvem står for at installere patches?") == QuestionType::who);
    CHECK(type_of("hvem står for førstelinjesupporten til brugerne?") == QuestionType::who);
    CHECK(form_of("hvem står for oplæringen").abbreviation.empty());
    CHECK(type_of("hvem står i spidsen for styregruppen?") == QuestionType::who);
    CHECK(type_of("Who may contact Netcompany's servicedesk?") == QuestionType::who);
    CHECK(type_of("hvilken rolle registrerer superbrugerne i KLIK") == QuestionType::who);
}

TEST_CASE("when questions, also in which phase", "[knowledge][question]") {
    CHECK(type_of("hvornår udpeges systemejeren?") == QuestionType::when);
    CHECK(type_of("i hvilken fase udpeges projektlederen") == QuestionType::when);
    CHECK(type_of("In which phase is the IT architect activated?") == QuestionType::when);
    CHECK(type_of("hvor længe efter go-live skal vi have hypercare?") == QuestionType::when);
    CHECK(type_of("hvor lang tid har man til opgaven?") == QuestionType::when);  // not "hvor" (where)
    CHECK(type_of("how much time do we have for the task?") == QuestionType::when);
}

TEST_CASE("how often questions consume their cue word", "[knowledge][question]") {
    auto f = form_of("hvor tit udkommer DUBU?");
    CHECK(f.type == QuestionType::how_often);
    CHECK(f.cue_words == std::vector<std::string>{"tit"});
    CHECK(form_of("hvor ofte kommer der releases").cue_words == std::vector<std::string>{"ofte"});
    CHECK(type_of("how often are there new releases?") == QuestionType::how_often);
}

TEST_CASE("what an abbreviation stands for, and an abbreviation asked alone", "[knowledge][question]") {
    auto f = form_of("hvad står SPOC for?");
    CHECK(f.type == QuestionType::stands_for);
    CHECK(f.abbreviation == "spoc");
    CHECK(form_of("What does UDK stand for?").abbreviation == "udk");
    CHECK(form_of("hvad betyder ØiR").type == QuestionType::stands_for);
    CHECK(form_of("hvad betyder ØiR").abbreviation == "øir");
    CHECK(form_of("KLIK?").type == QuestionType::stands_for);
    CHECK(form_of("hvad står forkortelsen sts for").abbreviation == "sts");
    CHECK(form_of("hvad står for SPOC").abbreviation == "spoc");  // written as one, it still is
    CHECK(form_of("what does the acronym KLE mean?").type == QuestionType::stands_for);
    CHECK(form_of("what does the acronym KLE mean?").abbreviation == "kle");
    // A word glued to the abbreviation, or more topic words, ask about something else.
    CHECK(type_of("hvad er en KLIK-administrator?") == QuestionType::what_is);
    CHECK(type_of("hvad laver KLIK-administratoren i drift") == QuestionType::tasks);
}

TEST_CASE("'opgaver' without a question word asks for tasks and 'meningen' asks why", "[knowledge][question]") {
    CHECK(type_of("sikkerhedsansvarlig opgaver") == QuestionType::tasks);
    CHECK(type_of("opgaver for superbrugeren") == QuestionType::tasks);
    CHECK(type_of("hvilke KLIK-opgaver ligger under organisering?") != QuestionType::tasks);
    CHECK(type_of("hvad er meningen med en drifts- og supportorganisation?") == QuestionType::why);
    CHECK(form_of("hvad er meningen med hypercare").cue_words == std::vector<std::string>{"meningen"});
}

TEST_CASE("what is, tasks, how, may, where and why questions", "[knowledge][question]") {
    CHECK(type_of("hvad er hypercare?") == QuestionType::what_is);
    CHECK(type_of("what is a KLIK task?") == QuestionType::what_is);
    CHECK(type_of("hvad laver en gevinstejer") == QuestionType::tasks);
    CHECK(type_of("what does the system owner do?") == QuestionType::tasks);
    CHECK(type_of("hvilke opgaver har projektejeren") == QuestionType::tasks);
    CHECK(type_of("hvordan registrerer man en superbruger i KLIK?") == QuestionType::how);
    CHECK(type_of("må en almindelig bruger kontakte servicedesken?") == QuestionType::may);
    CHECK(type_of("kan vi registrere to systemansvarlige?") == QuestionType::may);
    CHECK(type_of("hvor skal fejl i KLIK meldes hen?") == QuestionType::where);
    CHECK(type_of("where do superbrugere share knowledge?") == QuestionType::where);
    CHECK(type_of("hvorfor skal rollerne registreres i KLIK?") == QuestionType::why);
    CHECK(type_of("hvor mange systemansvarlige kan vi have") == QuestionType::how_many);
    CHECK(type_of("hypercare") == QuestionType::other);
}

TEST_CASE("the marks of a sentence that answers a type", "[knowledge][question]") {
    CHECK(gives_answer_of_type(QuestionType::when, "Rollen udpeges i fase 2: Forberedelse."));
    CHECK_FALSE(gives_answer_of_type(QuestionType::when, "Rollen er systemspecifik."));
    CHECK(gives_answer_of_type(QuestionType::how_often, "DUBU får flere releases om året."));
    CHECK_FALSE(gives_answer_of_type(QuestionType::how_often, "Hver release har en releasenote."));
    CHECK(gives_answer_of_type(QuestionType::stands_for, "SPOC står for single point of contact.", "spoc"));
    CHECK(gives_answer_of_type(QuestionType::stands_for, "Økonomi i Rammearkitekturen (ØiR) kobler økonomien.", "øir"));
    CHECK_FALSE(gives_answer_of_type(QuestionType::stands_for, "Projektlederen rapporterer til styregruppen.", "spoc"));
    CHECK(gives_answer_of_type(QuestionType::may, "Kun superbrugerne må kontakte servicedesken."));
    CHECK(gives_answer_of_type(QuestionType::how_many, "Der kan kun være én systemansvarlig."));
    CHECK(leads_with_answer(QuestionType::when));
    CHECK_FALSE(leads_with_answer(QuestionType::how));  // steps keep their order
}
