// RoleDirectory: KLIK's single-systemansvarlig rule (also under two concurrent writers), terms,
// lookups by tenant and identity, the audit, erasure and all-or-nothing writes.
#include "storage/change_requests.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"
#include "storage/outbox.hpp"
#include "storage/reminder_mutes.hpp"
#include "storage/role_directory.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace superbruger::storage;

namespace {

Change change(std::string date = "2026-01-05") { return {"coordinator@kl.dk", date + "T09:00:00Z", date}; }

struct Fixture {
    Database db{":memory:"};
    RoleDirectory dir{db};
    Municipality korsbaek = dir.save_municipality({0, "Korsbæk", "999", 4}, change());
    Person mette = dir.save_person({0, "Mette Jensen", "mette@korsbaek.dk", "Teamleder", korsbaek.id, false}, change());
    Person ole = dir.save_person({0, "Ole Hansen", "ole@korsbaek.dk", "Sagsbehandler", korsbaek.id, false}, change());
};

}  // namespace

TEST_CASE("a municipality has one current systemansvarlig, a replacement ends the old term", "[storage][directory]") {
    Fixture f;
    using Mode = RoleDirectory::AssignMode;
    f.dir.assign(f.mette.id, f.korsbaek.id, "systemansvarlig", "DUBU", Mode::add, change());
    CHECK_THROWS_AS(f.dir.assign(f.ole.id, f.korsbaek.id, "systemansvarlig", "DUBU", Mode::add, change()), StorageError);

    f.dir.assign(f.ole.id, f.korsbaek.id, "systemansvarlig", "DUBU", Mode::replace_current_holder, change("2026-03-01"));
    auto holders = f.dir.current_holders(f.korsbaek.id, "systemansvarlig");
    REQUIRE(holders.size() == 1);
    CHECK(holders[0].person.name == "Ole Hansen");
    CHECK(holders[0].valid_from == "2026-03-01");
    auto mettes = f.dir.assignments_of(f.mette.id);
    REQUIRE(mettes.size() == 1);
    CHECK(mettes[0].valid_to == "2026-03-01");

    // Another system has its own systemansvarlig.
    CHECK_NOTHROW(f.dir.assign(f.mette.id, f.korsbaek.id, "systemansvarlig", "KY", Mode::add, change()));
}

TEST_CASE("any number of superbrugere, but nobody twice in the same role", "[storage][directory]") {
    Fixture f;
    using Mode = RoleDirectory::AssignMode;
    f.dir.assign(f.mette.id, f.korsbaek.id, "superbruger", "DUBU", Mode::add, change());
    f.dir.assign(f.ole.id, f.korsbaek.id, "superbruger", "DUBU", Mode::add, change());
    CHECK(f.dir.current_holders(f.korsbaek.id, "superbruger").size() == 2);
    try {
        f.dir.assign(f.ole.id, f.korsbaek.id, "superbruger", "DUBU", Mode::add, change());
        FAIL("assigned twice");
    } catch (StorageError const& e) {
        CHECK(e.kind() == StorageError::Kind::conflict);
    }
    auto const id = f.dir.current_holders(f.korsbaek.id, "superbruger")[0].id;
    f.dir.end_assignment(id, change("2026-02-01"));
    CHECK(f.dir.current_holders(f.korsbaek.id, "superbruger").size() == 1);
    CHECK_THROWS_AS(f.dir.end_assignment(id, change()), StorageError);
}

TEST_CASE("two concurrent writers cannot both make a systemansvarlig", "[storage][directory][concurrency]") {
    auto const dir_path = std::filesystem::temp_directory_path() / ("sb_dir_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_path);
    auto const path = (dir_path / "concurrent.sqlite").string();
    std::filesystem::remove(path);
    std::int64_t korsbaek = 0;
    std::vector<std::int64_t> people;
    {
        Database db(path);
        RoleDirectory dir(db);
        korsbaek = dir.save_municipality({0, "Korsbæk", "999", 4}, change()).id;
        for (int i = 0; i < 8; ++i) {
            people.push_back(dir.save_person({0, "P" + std::to_string(i), "p" + std::to_string(i) + "@k.dk", "", korsbaek, false}, change()).id);
        }
    }
    std::atomic<int> succeeded{0}, refused{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> writers;
    for (auto person : people) {
        writers.emplace_back([&, person] {
            Database db(path);  // one connection per thread, as SQLite requires
            RoleDirectory dir(db);
            while (!go) std::this_thread::yield();
            try {
                dir.assign(person, korsbaek, "systemansvarlig", "DUBU", RoleDirectory::AssignMode::add, change());
                ++succeeded;
            } catch (StorageError const& e) {
                if (e.kind() == StorageError::Kind::conflict) ++refused;
            }
        });
    }
    go = true;
    for (auto& w : writers) w.join();
    CHECK(succeeded == 1);
    CHECK(refused == 7);
    Database db(path);
    CHECK(RoleDirectory(db).current_holders(korsbaek, "systemansvarlig").size() == 1);
}

TEST_CASE("municipalities and people are found by name, tenant, e-mail and chat identity", "[storage][directory]") {
    Fixture f;
    f.dir.add_tenant(f.korsbaek.id, "teams", "tenant-1", change());
    CHECK(f.dir.municipality_of_tenant("teams", "tenant-1")->name == "Korsbæk");
    CHECK_FALSE(f.dir.municipality_of_tenant("slack", "tenant-1"));
    CHECK(f.dir.person_with_email("METTE@korsbaek.dk")->name == "Mette Jensen");
    f.dir.add_identity(f.mette.id, "teams", "29:abc", change());
    CHECK(f.dir.person_with_identity("teams", "29:abc")->email == "mette@korsbaek.dk");
    CHECK(f.dir.people().size() == 2);
    // Saving by the same kommunenummer updates, it does not duplicate.
    f.dir.save_municipality({0, "Korsbæk Kommune", "999", 3}, change());
    REQUIRE(f.dir.municipalities().size() == 1);
    CHECK(f.dir.municipalities()[0].phase == 3);
}

TEST_CASE("every change is audited with who, when, before and after", "[storage][directory]") {
    Fixture f;
    f.dir.assign(f.mette.id, f.korsbaek.id, "superbruger", "DUBU", RoleDirectory::AssignMode::add, change());
    auto entries = f.dir.audit(10);
    REQUIRE(!entries.empty());
    CHECK(entries[0].action == "assign");
    CHECK(entries[0].actor == "coordinator@kl.dk");
    CHECK(entries[0].person_id == f.mette.id);
    CHECK_THAT(entries[0].after, Catch::Contains("\"role\":\"superbruger\""));
    f.dir.set_phase(f.korsbaek.id, 2, change());
    CHECK_THAT(f.dir.audit(1)[0].before, Catch::Contains("\"phase\":4"));
    CHECK_THAT(f.dir.audit(1)[0].after, Catch::Contains("\"phase\":2"));
}

TEST_CASE("forgetting a person ends their roles and keeps no personal data", "[storage][directory][privacy]") {
    Fixture f;
    f.dir.add_identity(f.mette.id, "teams", "29:abc", change());
    f.dir.assign(f.mette.id, f.korsbaek.id, "systemansvarlig", "DUBU", RoleDirectory::AssignMode::add, change());
    CHECK(f.dir.forget("mette@korsbaek.dk", change("2026-06-01")));
    CHECK_FALSE(f.dir.forget("mette@korsbaek.dk", change()));
    CHECK(f.dir.current_holders(f.korsbaek.id, "systemansvarlig").empty());
    CHECK_FALSE(f.dir.person_with_email("mette@korsbaek.dk"));
    CHECK_FALSE(f.dir.person_with_identity("teams", "29:abc"));
    CHECK(f.dir.people().size() == 1);  // Ole
    for (auto const& e : f.dir.audit(100)) {
        INFO(e.action << " " << e.before << " " << e.after);
        CHECK(e.before.find("Mette") == std::string::npos);
        CHECK(e.after.find("Mette") == std::string::npos);
        CHECK(e.after.find("mette@") == std::string::npos);
    }
    CHECK(f.dir.audit_of(f.mette.id).back().action == "forget");
}

TEST_CASE("forgetting a person also drops their chats, queued messages, mutes and drafts", "[storage][directory][privacy]") {
    Fixture f;
    f.dir.add_identity(f.mette.id, "teams", "aad-mette", change());
    f.dir.add_identity(f.ole.id, "teams", "aad-ole", change());
    ConversationStore conversations(f.db);
    // Teams knows Mette by her chat id too; the stored 1:1 chat pairs the two.
    conversations.remember({"teams", "a:mette", "personal", "29:mette", "aad-mette", "t", "{}", "2026-01-05T09:00:00Z"});
    conversations.remember({"teams", "a:ole", "personal", "29:ole", "aad-ole", "t", "{}", "2026-01-05T09:00:00Z"});
    Outbox outbox(f.db);
    REQUIRE(outbox.enqueue(OutboxMessage::to("release-announce:1", "teams", "aad-mette", "t", "{}", "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")));
    REQUIRE(outbox.enqueue(OutboxMessage::to("cr-status:1", "teams", "29:mette", "t", "{}", "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")));
    REQUIRE(outbox.enqueue(OutboxMessage::to("release-announce:1", "teams", "aad-ole", "t", "{}", "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")));
    ReminderMutes mutes(f.db);
    mutes.mute("teams", "aad-mette", "2026-01-05T09:00:00Z");
    ChangeRequests requests(f.db);
    requests.save_draft({"teams", "29:mette", "title", "{}", "2026-01-05T09:00:00Z"});

    REQUIRE(f.dir.forget("mette@korsbaek.dk", change("2026-06-01")));
    CHECK_FALSE(conversations.find("teams", "a:mette"));
    CHECK(conversations.find("teams", "a:ole"));
    auto const left = outbox.with_status("pending");
    REQUIRE(left.size() == 1);
    CHECK(left[0].recipient == "aad-ole");
    CHECK_FALSE(mutes.muted("teams", "aad-mette"));
    CHECK_FALSE(requests.draft("teams", "29:mette"));
}

TEST_CASE("a failed batch writes nothing", "[storage][directory]") {
    Fixture f;
    CHECK_THROWS(f.db.write_all_or_nothing([&] {
        f.dir.assign(f.mette.id, f.korsbaek.id, "superbruger", "DUBU", RoleDirectory::AssignMode::add, change());
        f.dir.save_municipality({0, "Ugyldig", "12", 4}, change());  // kommunenummer must have 3 digits
    }));
    CHECK(f.dir.current_holders(f.korsbaek.id, "superbruger").empty());
    f.db.write_all_or_nothing([&] {
        f.dir.assign(f.mette.id, f.korsbaek.id, "superbruger", "DUBU", RoleDirectory::AssignMode::add, change());
    });
    CHECK(f.dir.current_holders(f.korsbaek.id, "superbruger").size() == 1);
}

TEST_CASE("an asker outside the directory is remembered with their municipality", "[storage][directory]") {
    Fixture f;
    CHECK_FALSE(f.dir.asker_municipality("teams", "29:new"));
    f.dir.remember_asker("teams", "29:new", f.korsbaek.id);
    CHECK(f.dir.asker_municipality("teams", "29:new") == f.korsbaek.id);
}
