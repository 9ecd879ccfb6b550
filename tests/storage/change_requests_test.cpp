// ChangeRequests and Outbox: numbering per year, refused fields, idempotent submit, one
// supporter row per municipality, status history, drafts; queued messages once per key.
#include "storage/change_requests.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"
#include "storage/outbox.hpp"
#include "storage/role_directory.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::storage;

namespace {
struct Fixture {
    Database db{":memory:"};
    RoleDirectory directory{db};
    ChangeRequests requests{db};
    std::int64_t naestved = directory.save_municipality({0, "Næstved", "370", 4}, {"t", "2026-01-01T00:00:00Z", "2026-01-01"}).id;
    std::int64_t aeroe = directory.save_municipality({0, "Ærø", "492", 4}, {"t", "2026-01-01T00:00:00Z", "2026-01-01"}).id;

    ChangeRequest request(std::string at = "2026-11-23T09:00:00Z") const {
        ChangeRequest r;
        r.title = "Fletning";
        r.description = "Flet notater";
        r.area = "Journal";
        r.benefit = "Tid";
        r.urgency = "høj";
        r.workflow_effect = "Færre klik";
        r.municipality_id = naestved;
        r.submitter = {"teams", "29:anne", "t1", "Anne"};
        r.created_at = std::move(at);
        return r;
    }
};
}  // namespace

TEST_CASE("requests are numbered per year and a repeated submit key files nothing new", "[storage][change_requests]") {
    Fixture f;
    auto const a = f.requests.submit(f.request(), "k1");
    auto const b = f.requests.submit(f.request(), "k2");
    auto const next_year = f.requests.submit(f.request("2027-01-02T08:00:00Z"), "k3");
    CHECK(a.ref == "ÆØ-2026-0001");
    CHECK(b.ref == "ÆØ-2026-0002");
    CHECK(next_year.ref == "ÆØ-2027-0001");
    auto const again = f.requests.submit(f.request(), "k1");
    CHECK(again.ref == "ÆØ-2026-0001");
    CHECK(f.requests.all().size() == 3);
    CHECK(f.requests.history(a.id).size() == 1);
}

TEST_CASE("fields the schema refuses are conflicts and nothing is kept", "[storage][change_requests]") {
    Fixture f;
    auto bad = f.request();
    bad.urgency = "akut";
    CHECK_THROWS_AS(f.requests.submit(bad, "k"), StorageError);
    bad = f.request();
    bad.title = std::string(121, 'x');
    CHECK_THROWS_AS(f.requests.submit(bad, "k"), StorageError);
    bad = f.request();
    bad.title = std::string(120, 'x');  // exactly the limit is fine, counted in characters
    bad.title.replace(0, 2, "æ");
    CHECK_NOTHROW(f.requests.submit(bad, "k"));
    bad = f.request();
    bad.municipality_id = 9999;
    CHECK_THROWS_AS(f.requests.submit(bad, "k2"), StorageError);
    CHECK(f.requests.all().size() == 1);
}

TEST_CASE("one supporter row per municipality and the status history", "[storage][change_requests]") {
    Fixture f;
    auto const r = f.requests.submit(f.request(), "k");
    CHECK(f.requests.support(r.id, {f.aeroe, {"teams", "29:bo", "t2", "Bo"}, "2026-11-23T10:00:00Z"}));
    CHECK_FALSE(f.requests.support(r.id, {f.aeroe, {"teams", "29:per", "t2", "Per"}, "2026-11-23T10:05:00Z"}));
    CHECK(f.requests.supporters(r.id).size() == 1);
    f.requests.set_status(r.id, "under vurdering", "Sara", "ser på det", "", "2026-11-24T10:00:00Z");
    f.requests.set_status(r.id, "implementeret", "Karen", "", "DUBU 3.4", "2026-12-24T10:00:00Z");
    auto const h = f.requests.history(r.id);
    REQUIRE(h.size() == 3);
    CHECK(h[1].from == "ny");
    CHECK(h[1].to == "under vurdering");
    CHECK(h[1].comment == "ser på det");
    CHECK(f.requests.find(r.ref)->release == "DUBU 3.4");
    CHECK_THROWS_AS(f.requests.set_status(r.id, "glemt", "x", "", "", "2026-12-25T10:00:00Z"), StorageError);
    CHECK(f.requests.find(r.ref)->status == "implementeret");
    RequestFilter supported_by_aeroe;
    supported_by_aeroe.municipality_id = f.aeroe;
    CHECK(f.requests.list(supported_by_aeroe).size() == 1);
}

TEST_CASE("the outbox queues a message once per key and tracks attempts", "[storage][outbox]") {
    Database db(":memory:");
    Outbox outbox(db);
    auto const m = OutboxMessage::to("cr-status:ÆØ-2026-0001:2", "teams", "29:anne", "t1", "{}", "", "2026-11-23T10:00:00Z");
    CHECK(m.idempotency_key == "cr-status:ÆØ-2026-0001:2:teams:29:anne");
    CHECK(outbox.enqueue(m));
    CHECK_FALSE(outbox.enqueue(m));
    auto due = outbox.due("2026-11-23T10:00:00Z", 10);
    REQUIRE(due.size() == 1);
    CHECK(outbox.due("2026-11-23T09:59:59Z", 10).empty());
    outbox.mark_failed(due[0].id, "HTTP 503", "2026-11-23T10:01:00Z", false);
    CHECK(outbox.due("2026-11-23T10:00:30Z", 10).empty());
    due = outbox.due("2026-11-23T10:01:00Z", 10);
    REQUIRE(due.size() == 1);
    CHECK(due[0].attempts == 1);
    outbox.mark_sent(due[0].id, "2026-11-23T10:01:01Z");
    CHECK(outbox.due("2026-11-24T00:00:00Z", 10).empty());
    CHECK(outbox.with_status("sent").size() == 1);
    CHECK_FALSE(outbox.enqueue(m));  // sent already: never twice
}
