// Writing first: proactive messages to stored conversations, new 1:1 chats, the Connector token
// (shared by concurrent callers, renewed on 401), give-up after retries, and the host allow-list.
#include "bot/error.hpp"
#include "bot/channels/conversation_memory.hpp"
#include "bot/channels/teams/connector.hpp"
#include "bot/channels/teams/teams_messenger.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "tests/support/bot_framework_standin.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot;
using namespace superbruger::bot::channels;
using namespace superbruger::tests;
using namespace std::chrono_literals;
namespace bf = superbruger::adapters::bot_framework;

namespace {

struct Harness {
    BotFrameworkStandIn standin;
    boost::asio::io_context ioc;
    http::Client client{ioc, {}};
    teams::ConnectorToken token{client, {standin.base_url() + "token", BotFrameworkStandIn::app_id, "pw", "scope"}};
    teams::Connector connector{client, token, {"127.0.0.1"}, policy()};
    storage::Database db{":memory:"};
    storage::ConversationStore conversations{db};
    ConversationMemory memory{conversations};
    OutboundHandoff outbound{ioc.get_executor()};
    teams::TeamsMessenger messenger{connector, memory, outbound, 5};

    static http::RetryPolicy policy() {
        http::RetryPolicy p;
        p.attempts = 3;
        p.base_delay = 10ms;
        return p;
    }

    /// Runs `work` on the io_context until it finishes; rethrows its exception.
    void run(boost::asio::awaitable<void> work) {
        auto future = boost::asio::co_spawn(ioc, std::move(work), boost::asio::use_future);
        ioc.restart();
        ioc.run();
        future.get();
    }

    bf::ConversationReference stored_chat(std::string const& user, std::string const& conversation) {
        auto const activity = bf::parse_activity(teams_message(standin.service_url(), "m", "hej").dump());
        auto ref = bf::reference_of(activity);
        ref.user.id = user;
        ref.conversation_id = conversation;
        messenger.remember(ref, "2026-11-22T10:00:00Z");
        return ref;
    }
};

adapters::ChatReply text(std::string t) {
    return {std::move(t), {}, {}, {}, true, {}};
}

}  // namespace

TEST_CASE("a proactive message goes to the stored 1:1 chat", "[teams][proactive]") {
    Harness h;
    h.stored_chat("29:anne", "a:anne-chat");
    h.run(h.messenger.send_to_person("aad-anne", "tenant-naestved", text("Ny DUBU-version")));  // by Entra object id
    auto const sent = h.standin.connector_requests();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].target == "/v3/conversations/a%3Aanne-chat/activities");
    CHECK(sent[0].json()["text"] == "Ny DUBU-version");
    CHECK(sent[0].authorization == "Bearer connector-token-1");
}

TEST_CASE("without a chat the bot creates one and remembers it", "[teams][proactive]") {
    Harness h;
    h.stored_chat("29:anne", "a:anne-chat");  // someone else in the same tenant
    h.run(h.messenger.send_to_person("29:ole", "tenant-naestved", text("Påmindelse")));
    auto const sent = h.standin.connector_requests();
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].target == "/v3/conversations");
    auto const params = sent[0].json();
    CHECK(params["members"][0]["id"] == "29:ole");
    CHECK(params["channelData"]["tenant"]["id"] == "tenant-naestved");
    CHECK(params["bot"]["id"] == std::string("28:") + BotFrameworkStandIn::app_id);
    CHECK(sent[1].target == "/v3/conversations/a%3Acreated-1/activities");

    // The next message uses the stored chat.
    h.run(h.messenger.send_to_person("29:ole", "tenant-naestved", text("Igen")));
    REQUIRE(h.standin.connector_requests().size() == 3);
    CHECK(h.standin.connector_requests()[2].target == "/v3/conversations/a%3Acreated-1/activities");

    // A tenant where the app was never installed: a clear error and nothing sent.
    CHECK_THROWS_WITH(h.run(h.messenger.send_to_person("29:x", "tenant-unknown", text("?"))), Catch::Contains("installed"));
    CHECK(h.standin.connector_requests().size() == 3);
}

TEST_CASE("concurrent senders share one token fetch and a 401 renews the token", "[teams][token]") {
    Harness h;
    auto const ref = h.stored_chat("29:anne", "a:anne-chat");
    h.run([&]() -> boost::asio::awaitable<void> {
        for (int i = 0; i < 5; ++i) boost::asio::co_spawn(h.ioc, h.messenger.send(ref, text("parallel")), boost::asio::detached);
        co_return;
    }());
    REQUIRE(h.standin.wait_for_connector(5));
    CHECK(h.standin.token_requests().size() == 1);

    h.standin.fail_connector(1, 401);
    h.run(h.messenger.send(ref, text("efter 401")));
    CHECK(h.standin.token_requests().size() == 2);
    auto const sent = h.standin.connector_requests();
    CHECK(sent.back().authorization == "Bearer connector-token-2");
}

TEST_CASE("the Connector gives up after the attempts and refuses hosts off the list", "[teams][connector]") {
    Harness h;
    auto ref = h.stored_chat("29:anne", "a:anne-chat");
    h.standin.fail_connector(10, 503);
    CHECK_THROWS_WITH(h.run(h.messenger.send(ref, text("x"))), Catch::Contains("gave up after 3 attempts"));
    CHECK(h.standin.connector_requests().size() == 3);

    // Not retried: a 403 (blocked by the user) is final.
    h.standin.fail_connector(1, 403);
    CHECK_THROWS_WITH(h.run(h.messenger.send(ref, text("x"))), Catch::Contains("403"));
    CHECK(h.standin.connector_requests().size() == 4);

    ref.service_url = "https://evil.example/";
    CHECK_THROWS_AS(h.run(h.messenger.send(ref, text("x"))), BotError);
    CHECK(h.standin.connector_requests().size() == 4);
    CHECK(h.connector.allowed("http://127.0.0.1:1/"));
    CHECK_FALSE(h.connector.allowed("http://127.0.0.2/"));
}

TEST_CASE("a refused client secret is an error the sender sees", "[teams][token]") {
    Harness h;
    auto const ref = h.stored_chat("29:anne", "a:anne-chat");
    h.standin.refuse_tokens();
    CHECK_THROWS_AS(h.run(h.messenger.send(ref, text("x"))), BotError);
    CHECK(h.standin.connector_requests().empty());
}

TEST_CASE("an outbox message carries its key as Idempotency-Key on every attempt and on every part", "[teams][proactive]") {
    Harness h;
    auto const ref = h.stored_chat("29:anne", "a:anne-chat");
    h.standin.fail_connector(1, 503);
    h.run(h.messenger.send_to_person("29:anne", "tenant-naestved", text("Påmindelse"), "release-reminder:1:2:teams:29:anne"));
    auto sent = h.standin.connector_requests();
    REQUIRE(sent.size() == 2);
    // A Structured Field String; the ':' of the key percent-encoded, as any byte outside A-Z a-z 0-9 -._~.
    CHECK(sent[0].idempotency_key == "\"release-reminder%3A1%3A2%3Ateams%3A29%3Aanne\"");
    CHECK(sent[1].idempotency_key == sent[0].idempotency_key);

    // A message too long for one activity: each part has a key of its own.
    h.run(h.messenger.send_to_person("29:anne", "tenant-naestved", text(std::string(9000, 'a') + "\n\n" + std::string(9000, 'b')), "k"));
    sent = h.standin.connector_requests();
    REQUIRE(sent.size() == 4);
    CHECK(sent[2].idempotency_key == "\"k%2F1\"");
    CHECK(sent[3].idempotency_key == "\"k%2F2\"");

    // Replies to a user's message are not outbox messages: no key.
    h.run(h.messenger.send(ref, text("svar")));
    CHECK(h.standin.connector_requests().back().idempotency_key.empty());
}

TEST_CASE("a 1:1 chat the Connector answers 403 for is forgotten and the status reaches the sender", "[teams][proactive]") {
    Harness h;
    h.stored_chat("29:anne", "a:anne-chat");
    h.standin.fail_connector(1, 403);
    unsigned status = 0;
    try {
        h.run(h.messenger.send_to_person("29:anne", "tenant-naestved", text("Påmindelse"), "k"));
    } catch (BotError const& e) {
        status = e.status();
    }
    CHECK(status == 403);
    CHECK_FALSE(h.conversations.personal_chat("teams", "29:anne"));

    // 429 with a Retry-After longer than the Connector waits: the sender learns how long was asked.
    h.stored_chat("29:anne", "a:anne-chat");
    h.standin.fail_connector(1, 429, "7200");
    std::chrono::milliseconds asked{0};
    try {
        h.run(h.messenger.send_to_person("29:anne", "tenant-naestved", text("Påmindelse"), "k"));
    } catch (BotError const& e) {
        asked = e.retry_after();
        status = e.status();
    }
    CHECK(status == 429);
    CHECK(asked == std::chrono::hours(2));
    CHECK(h.conversations.personal_chat("teams", "29:anne"));  // throttled, not gone
}

TEST_CASE("every post to one tenant, replies and proactive alike, stays under the per-tenant limit", "[teams][rate]") {
    Harness h;  // 5 per second per tenant
    auto const ref = h.stored_chat("29:anne", "a:anne-chat");
    auto other = ref;
    other.tenant_id = "tenant-aeroe";
    other.conversation_id = "a:bo-chat";
    auto const started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration sixth{};
    h.run([&]() -> boost::asio::awaitable<void> {
        for (int i = 0; i < 5; ++i) co_await h.messenger.reply(ref, "act-" + std::to_string(i), text("svar"));
        // Næstved's budget for this second is used up; Ærø's is not.
        boost::asio::co_spawn(h.ioc, h.messenger.send(other, text("Ærø")), boost::asio::detached);
        co_await h.messenger.send(ref, text("sjette"));
        sixth = std::chrono::steady_clock::now() - started;
    }());
    // A lower bound only: the sixth post to Næstved waited for the first to leave the sliding second.
    CHECK(sixth >= std::chrono::milliseconds(990));
    auto const sent = h.standin.connector_requests();
    REQUIRE(sent.size() == 7);
    CHECK(sent[5].target == "/v3/conversations/a%3Abo-chat/activities");  // Ærø did not wait behind Næstved
    CHECK(sent[6].json()["text"] == "sjette");
}
