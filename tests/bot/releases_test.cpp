// Releases: release notes split into items, the registration checks, and the corrected split.
#include "bot/error.hpp"
#include "bot/releases/release_notes.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/review_progress.hpp"
#include "bot/csv.hpp"
#include "storage/release_reviews.hpp"
#include "storage/role_directory.hpp"
#include "storage/database.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace superbruger;
using namespace superbruger::bot::releases;

namespace {
std::vector<std::string> titles(std::vector<storage::ReleaseItem> const& items) {
    std::vector<std::string> out;
    for (auto const& i : items) out.push_back(std::to_string(i.number) + " " + i.title);
    return out;
}
}  // namespace

TEST_CASE("release notes are split at bullets under their headings", "[bot][releases]") {
    auto const items = split_items(
        "DUBU 3.4 indeholder rettelser og nye funktioner.\n"
        "\n"
        "## Breve\n"
        "- Nye standardbreve til forældremyndighedsindehavere\n"
        "  Brevene findes under Dokumenter.\n"
        "- Journalfraser kan nu redigeres\n"
        "\n"
        "## Ydelseskatalog\n"
        "Ydelseskataloget har fået et nyt felt til takster.\n"
        "\n"
        "# Rettelser\n"
        "1. Fejl i aktivitetsflow ved lukning af sag\n"
        "2) Visning af handleplan på små skærme\n");
    REQUIRE(items.size() == 5);
    CHECK(titles(items) == std::vector<std::string>{"1 Breve: Nye standardbreve til forældremyndighedsindehavere",
                                                    "2 Breve: Journalfraser kan nu redigeres", "3 Ydelseskatalog",
                                                    "4 Rettelser: Fejl i aktivitetsflow ved lukning af sag",
                                                    "5 Rettelser: Visning af handleplan på små skærme"});
    CHECK(items[0].body == "Brevene findes under Dokumenter.");
    CHECK(items[2].body == "Ydelseskataloget har fået et nyt felt til takster.");
}

TEST_CASE("notes without headings or bullets are one item and long titles are cut", "[bot][releases]") {
    auto const one = split_items("Kun en rettelse af sagsoverblikket.\nDetaljer følger.");
    REQUIRE(one.size() == 1);
    CHECK(one[0].title == "Kun en rettelse af sagsoverblikket.");
    CHECK(one[0].body == "Detaljer følger.");
    CHECK(split_items("  \n\n").empty());
    auto const long_title = split_items("- " + std::string(300, 'x'));
    CHECK(long_title[0].title.size() == 199 + std::string("…").size());
    // A dash inside a sentence or an indented bullet is no new item.
    CHECK(split_items("- Første punkt\n  - underpunkt\nfortsat - tekst").size() == 1);
}

TEST_CASE("registering a release checks its name dates and notes and stores nothing when refused", "[bot][releases]") {
    storage::Database db(":memory:");
    ReleaseRegistry registry(db);
    auto const ok = registry.add({"DUBU 3.4", "2026-12-01", "2026-12-15", "- Et punkt\n- Et andet", "Karen"});
    CHECK(ok.items.size() == 2);
    CHECK(registry.find("dubu  3.4"));  // case and blanks do not matter

    auto refused = [&](NewRelease const& r) {
        try {
            registry.add(r);
        } catch (bot::BotError const& e) {
            CHECK(e.kind() == bot::BotError::Kind::user_facing);
            return std::string(e.what());
        }
        FAIL("accepted: " << r.name);
        return std::string();
    };
    CHECK_THAT(refused({"dubu 3.4", "2026-12-01", "2026-12-15", "- x", "Karen"}), Catch::Contains("allerede registreret"));
    CHECK_THAT(refused({"DUBU 3.5", "2026-12-01", "2026-11-15", "- x", "Karen"}), Catch::Contains("før releasedatoen"));
    CHECK_THAT(refused({"DUBU 3.5", "2026-02-30", "2026-03-15", "- x", "Karen"}), Catch::Contains("2026-02-30"));
    CHECK_THAT(refused({"DUBU 3.5", "1/12 2026", "2026-12-15", "- x", "Karen"}), Catch::Contains("dato"));
    CHECK_THAT(refused({"DUBU 3.5", "2026-12-01", "2026-12-15", "   ", "Karen"}), Catch::Contains("tomme"));
    CHECK_THAT(refused({"  ", "2026-12-01", "2026-12-15", "- x", "Karen"}), Catch::Contains("Navnet"));
    CHECK(registry.store().all().size() == 1);

    auto const corrected = registry.correct_items("DUBU 3.4", "- Et punkt\n- Et andet\n- Et tredje");
    CHECK(corrected.items.size() == 3);
    CHECK(registry.find("DUBU 3.4")->items.size() == 3);
    CHECK_THROWS_AS(registry.correct_items("DUBU 9.9", "- x"), bot::BotError);
}

TEST_CASE("a review is complete when every item has one and the network figures add up", "[bot][releases][reviews]") {
    storage::Database db(":memory:");
    storage::RoleDirectory directory(db);
    storage::Change const change{"t", "2026-11-22T10:00:00Z", "2026-11-22"};
    auto const naestved = directory.save_municipality({0, "Næstved", "370", 4}, change);
    auto const aeroe = directory.save_municipality({0, "Ærø", "492", 4}, change);
    ReleaseRegistry registry(db);
    auto const release = registry.add({"DUBU 3.4", "2026-12-01", "2026-12-15", "- Breve\n- Journalfraser\n- Ydelseskatalog", "Karen"});
    storage::ReleaseReviews reviews(db);
    auto review = [&](std::int64_t m, int item, std::string effect, bool config, std::string what = "") {
        reviews.save({release.id, m, item, std::move(effect), config, std::move(what), false, "", "", "Anne", "2026-12-02T09:00:00Z"});
    };
    review(naestved.id, 1, "høj", true, "Nye brevskabeloner skal oprettes");
    review(naestved.id, 2, "lav", false);
    review(naestved.id, 3, "høj", false);
    review(aeroe.id, 1, "høj", false);
    review(naestved.id, 2, "middel", false);  // a colleague revises item 2: the last answer counts

    auto const all = reviews.of_release(release.id);
    auto const mine = municipality_progress(release, naestved, all);
    CHECK(mine.complete());
    CHECK(mine.reviewed == 3);
    auto const theirs = municipality_progress(release, aeroe, all);
    CHECK_FALSE(theirs.complete());
    CHECK(theirs.missing == std::vector<int>{2, 3});

    auto const network = network_progress(release, Reviewers{{naestved, aeroe}, {}}, all);
    CHECK(network.complete() == 1);
    CHECK(network.items[0].reviewed == 2);
    CHECK(network.items[0].rated_high == 2);
    CHECK(network.items[0].local_configuration == std::vector<std::string>{"Næstved: Nye brevskabeloner skal oprettes"});
    CHECK(network.items[1].rated_high == 0);
    CHECK(network.items[2].rated_high == 1);

    auto const md = report_markdown(release, network);
    CHECK_THAT(md, Catch::Contains("1 af 2 kommuner er færdige") && Catch::Contains("| Ærø | 1 af 3 | nej |") &&
                       Catch::Contains("| 1 | Breve | 2 | 2 | Næstved: Nye brevskabeloner skal oprettes |"));
    auto const rows = bot::csv::parse(report_csv(release, {naestved, aeroe}, all));
    REQUIRE(rows.size() == 1 + 6);
    CHECK(rows[2].fields[5] == "middel");
    CHECK(rows[5].fields[4] == "mangler");

    // The scale and the "ja needs what" rule hold in storage too.
    CHECK_THROWS(reviews.save({release.id, aeroe.id, 2, "enorm", false, "", false, "", "", "Bo", "2026-12-02T09:00:00Z"}));
    CHECK_THROWS(reviews.save({release.id, aeroe.id, 2, "lav", true, "", false, "", "", "Bo", "2026-12-02T09:00:00Z"}));
    CHECK_THROWS(reviews.save({release.id, aeroe.id, 2, "lav", false, "", true, "", "", "Bo", "2026-12-02T09:00:00Z"}));
    CHECK(reviews.of_municipality(release.id, aeroe.id).size() == 1);
}

TEST_CASE("only municipalities with a superbruger count in the network progress and the rest are named", "[bot][releases][reviews]") {
    storage::Database db(":memory:");
    storage::RoleDirectory directory(db);
    storage::Change const change{"t", "2026-11-22T10:00:00Z", "2026-11-22"};
    auto const naestved = directory.save_municipality({0, "Næstved", "370", 4}, change);
    auto const kl = directory.save_municipality({0, "KL", "000", 4}, change);  // the coordinator's organisation
    auto const anne = directory.save_person({0, "Anne", "anne@naestved.dk", "", naestved.id, false}, change);
    directory.assign(anne.id, naestved.id, "superbruger", "DUBU", storage::RoleDirectory::AssignMode::add, change);
    auto const karen = directory.save_person({0, "Karen", "karen@kl.dk", "", kl.id, true}, change);
    (void)karen;

    auto const reviewers = reviewers_of(directory);
    REQUIRE(reviewers.reviewing.size() == 1);
    CHECK(reviewers.reviewing[0].name == "Næstved");
    CHECK(reviewers.without_superbrugere == std::vector<std::string>{"KL"});

    ReleaseRegistry registry(db);
    auto const release = registry.add({"DUBU 3.4", "2026-12-01", "2026-12-15", "- Breve", "Karen"});
    storage::ReleaseReviews(db).save({release.id, naestved.id, 1, "lav", false, "", false, "", "", "Anne", "2026-12-02T09:00:00Z"});
    auto const network = network_progress(release, reviewers, storage::ReleaseReviews(db).of_release(release.id));
    CHECK(network.complete() == 1);
    CHECK(network.municipalities.size() == 1);
    CHECK_THAT(report_markdown(release, network),
               Catch::Contains("1 af 1 kommuner er færdige") && Catch::Contains("Uden superbrugere, så uden gennemgang: KL"));
}

TEST_CASE("a corrected split matches items by content so saved answers stay with their items", "[bot][releases][reviews]") {
    storage::Database db(":memory:");
    storage::RoleDirectory directory(db);
    storage::Change const change{"t", "2026-11-22T10:00:00Z", "2026-11-22"};
    auto const naestved = directory.save_municipality({0, "Næstved", "370", 4}, change);
    ReleaseRegistry registry(db);
    auto const release = registry.add({"DUBU 3.4", "2026-12-01", "2026-12-15", "- Breve\n- Journalfraser\n- Ydelseskatalog\n  med takster", "Karen"});
    storage::ReleaseReviews reviews(db);
    auto review = [&](int item, std::string effect) {
        reviews.save({release.id, naestved.id, item, std::move(effect), false, "", false, "", "", "Anne", "2026-12-02T09:00:00Z"});
    };
    review(1, "høj");    // Breve
    review(2, "lav");    // Journalfraser
    review(3, "middel");  // Ydelseskatalog

    // A bullet added at the top, Journalfraser removed, the text of Ydelseskatalog changed.
    auto const plan = registry.plan_correction("DUBU 3.4", "- Ny sagsoversigt\n- Breve\n- Ydelseskatalog\n  med nye takster");
    using Kind = ItemChange::Kind;
    REQUIRE(plan.changes.size() == 4);
    CHECK(plan.changes[0].kind == Kind::added);
    CHECK((plan.changes[1].kind == Kind::unchanged && plan.changes[1].old_number == 1 && plan.changes[1].new_number == 2 && plan.changes[1].answers == 1));
    CHECK((plan.changes[2].kind == Kind::changed && plan.changes[2].old_number == 3 && plan.changes[2].new_number == 3));
    CHECK((plan.changes[3].kind == Kind::removed && plan.changes[3].old_number == 2 && plan.changes[3].title == "Journalfraser"));
    CHECK(moves_answers(plan.changes));
    // Nothing is changed until the plan is applied.
    CHECK(registry.find("DUBU 3.4")->items[0].title == "Breve");

    registry.apply(plan);
    auto const after = registry.find("DUBU 3.4");
    REQUIRE(after->items.size() == 3);
    std::map<int, std::string> effect_by_item;
    for (auto const& r : reviews.of_release(release.id)) effect_by_item[r.item_number] = r.effect;
    CHECK(effect_by_item == std::map<int, std::string>{{2, "høj"}, {3, "middel"}});  // Breve's answer is on Breve, now item 2
    CHECK(registry.store().removed_answers(release.id) == 1);                         // Journalfraser's answer is kept

    // The same split again changes nothing and moves nothing.
    auto const again = registry.plan_correction("DUBU 3.4", "- Ny sagsoversigt\n- Breve\n- Ydelseskatalog\n  med nye takster");
    CHECK_FALSE(moves_answers(again.changes));
    for (auto const& c : again.changes) CHECK(c.kind == Kind::unchanged);
}
