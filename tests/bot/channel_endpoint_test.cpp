// The channel seam with a platform of its own: credentials are checked before the body is
// parsed, a body the platform cannot read is 400, a delivery is answered once, the conversation
// is stored, and the platform gets the replies for its answer.
#include "adapters/error.hpp"
#include "bot/assistant.hpp"
#include "bot/background_tasks.hpp"
#include "bot/channels/channel_endpoint.hpp"
#include "bot/config.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <SQLiteCpp/Database.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot;
using namespace superbruger::bot::channels;

namespace {

using adapters::AdapterError;

/// A platform whose requests carry "X-Key: good" and a body "delivery-id|conversation|text".
class TestChannel final : public Channel {
public:
    int parsed = 0;  ///< how many bodies were parsed
    std::vector<Replies> answered;

    std::string const& platform() const noexcept override { return name_; }
    std::vector<std::string> paths() const override { return {"/api/test"}; }

    net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const&) override {
        if (request["X-Key"] != "good") throw AdapterError(AdapterError::Kind::unauthenticated, "bad key");
        co_return std::make_unique<Request>(*this, request.body());
    }

    net::awaitable<void> send_to_person(storage::OutboxMessage const&, adapters::ChatReply) override { co_return; }

private:
    class Request final : public VerifiedRequest {
    public:
        Request(TestChannel& channel, std::string body) : channel_(channel), body_(std::move(body)) {}
        std::vector<InboundEvent> parse() override {
            ++channel_.parsed;
            auto const first = body_.find('|');
            auto const second = first == std::string::npos ? first : body_.find('|', first + 1);
            if (second == std::string::npos) throw AdapterError(AdapterError::Kind::bad_request, "not a test message");
            InboundEvent e;
            e.delivery_id = body_.substr(0, first);
            e.message.platform = "test";
            e.message.sender.user_id = "u1";
            e.message.text = body_.substr(second + 1);
            e.conversation.conversation_id = body_.substr(first + 1, second - first - 1);
            e.conversation.kind = "personal";
            e.conversation.user_id = "u1";
            e.conversation.address = "address of " + e.conversation.conversation_id;
            return {e};
        }
        net::awaitable<http::Response> answer(Replies replies) override {
            channel_.answered.push_back(replies);
            http::Response res{http::bhttp::status::ok, 11};
            res.body() = replies.front() ? replies.front()->text : "";
            co_return res;
        }

    private:
        TestChannel& channel_;
        std::string body_;
    };

    std::string name_ = "test";
};

struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    KnowledgeService knowledge{load_config(std::nullopt).knowledge};
    Assistant assistant{knowledge, questions, answers};
    storage::ConversationStore store{db};
    ConversationMemory memory{store};
    boost::asio::io_context ioc;
    BackgroundTasks background{ioc.get_executor()};
    TestChannel channel;
    ChannelEndpoint endpoint{channel, assistant, db, memory, background};

    http::Response post(std::string key, std::string body) {
        http::Request req{http::bhttp::verb::post, "/api/test", 11};
        if (!key.empty()) req.set("X-Key", key);
        req.body() = std::move(body);
        http::RequestContext ctx{"r1"};
        auto future = boost::asio::co_spawn(ioc, endpoint.handle(req, ctx), boost::asio::use_future);
        ioc.restart();
        ioc.run();
        return future.get();
    }
};

}  // namespace

TEST_CASE("the seam refuses bad credentials before the body is parsed", "[channels][seam]") {
    Harness h;
    CHECK(h.post("forged", "{not a test message").result_int() == 401);
    CHECK(h.post("", "d1|c1|hvad laver en superbruger?").result_int() == 401);
    CHECK(h.channel.parsed == 0);
    CHECK(h.channel.answered.empty());
    CHECK_FALSE(h.store.find("test", "c1"));
}

TEST_CASE("the seam answers 400 for a body the platform cannot read, and nothing is stored", "[channels][seam]") {
    Harness h;
    auto const res = h.post("good", "no separators");
    CHECK(res.result_int() == 400);
    CHECK(h.channel.parsed == 1);
    CHECK(h.channel.answered.empty());
}

TEST_CASE("the seam answers a delivery once, stores its conversation and hands the reply to the platform", "[channels][seam]") {
    Harness h;
    auto const first = h.post("good", "d1|c1|hvad laver en superbruger?");
    CHECK(first.result_int() == 200);
    REQUIRE(h.channel.answered.size() == 1);
    REQUIRE(h.channel.answered[0].front().has_value());
    CHECK(h.channel.answered[0].front()->confident);
    auto const stored = h.store.find("test", "c1");
    REQUIRE(stored);
    CHECK(stored->address == "address of c1");
    CHECK(stored->user_id == "u1");

    // The platform's retry of the same delivery gets the platform's answer without a reply.
    CHECK(h.post("good", "d1|c1|hvad laver en superbruger?").result_int() == 200);
    REQUIRE(h.channel.answered.size() == 2);
    CHECK_FALSE(h.channel.answered[1].front().has_value());
    // A new delivery is answered again.
    h.post("good", "d2|c1|hvad laver en superbruger?");
    CHECK(h.channel.answered[2].front().has_value());
}

TEST_CASE("a value the database refuses gets a plain answer, not a 500, and nothing of it is kept", "[channels][seam][hardening]") {
    Harness h;
    // A constraint the chat checks did not foresee (RAISE(ABORT) reports SQLITE_CONSTRAINT, as a CHECK does).
    h.db.connection().exec(
        "CREATE TRIGGER refuse_odd BEFORE INSERT ON conversation WHEN NEW.conversation_id = 'odd' "
        "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: conversation'); END");
    auto const res = h.post("good", "d1|odd|hvad laver en superbruger?");
    CHECK(res.result_int() == 200);
    REQUIRE(h.channel.answered.size() == 1);
    REQUIRE(h.channel.answered[0].front().has_value());
    CHECK_THAT(h.channel.answered[0].front()->text, Catch::Contains("kunne jeg ikke gemme"));
    CHECK_FALSE(h.store.find("test", "odd"));
    // Its retry fails the same way: answered once, not again and again.
    CHECK(h.post("good", "d1|odd|hvad laver en superbruger?").result_int() == 200);
    CHECK_FALSE(h.channel.answered[1].front().has_value());
    // Everything else goes on as before.
    CHECK(h.post("good", "d2|c1|hvad laver en superbruger?").result_int() == 200);
    CHECK(h.store.find("test", "c1"));
}
