// Teams outgoing webhooks: the security token, the HMAC check (a vector computed independently
// with Python's hmac module), Microsoft's published example message, and the inline answer.
#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/error.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::teams_webhook;

namespace {

// bytes 0..31; python3: base64.b64encode(hmac.new(bytes(range(32)), b'{"type":"message"}', hashlib.sha256).digest())
constexpr char const* token = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr char const* body = R"({"type":"message"})";
constexpr char const* expected_header = "HMAC py7pWotZp26ZYEiJyMg5AA597IAeWGRZW7N1J2/Bmd0=";

std::string refusal(std::string_view authorization, std::string_view raw_body) {
    try {
        verify_request(key_of_security_token(token), authorization, raw_body);
    } catch (AdapterError const& e) {
        CHECK(e.kind() == AdapterError::Kind::unauthenticated);
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("a Teams outgoing webhook's security token is base64 of 32 bytes", "[adapters][teams_webhook]") {
    CHECK(key_of_security_token(token).size() == 32);
    CHECK(key_of_security_token(std::string(token).substr(0, 43)).size() == 32);  // padding may be left off
    CHECK_THROWS_AS(key_of_security_token(""), AdapterError);
    CHECK_THROWS_AS(key_of_security_token("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd"), AdapterError);  // 30 bytes
    CHECK_THROWS_AS(key_of_security_token("not base64 at all!"), AdapterError);
}

TEST_CASE("the HMAC of the raw body in the Authorization header is checked", "[adapters][teams_webhook]") {
    auto const key = key_of_security_token(token);
    CHECK(authorization_for(key, body) == expected_header);
    CHECK(refusal(expected_header, body).empty());
    CHECK_THAT(refusal("", body), Catch::Contains("no Authorization"));
    CHECK_THAT(refusal(expected_header, ""), Catch::Contains("empty body"));
    CHECK_THAT(refusal(expected_header, R"({"type":"message" })"), Catch::Contains("does not match"));  // one byte more
    CHECK_THAT(refusal("Bearer py7pWotZp26ZYEiJyMg5AA597IAeWGRZW7N1J2/Bmd0=", body), Catch::Contains("does not match"));
    CHECK_THAT(refusal("HMAC py7pWotZp26ZYEiJyMg5AA597IAeWGRZW7N1J2/Bmd1=", body), Catch::Contains("does not match"));
    CHECK_THAT(refusal(authorization_for(std::string(32, 'x'), body), body), Catch::Contains("does not match"));  // another webhook's token
}

TEST_CASE("Microsoft's example outgoing webhook message is read without the webhook's mention", "[adapters][teams_webhook]") {
    auto const m = parse_message(superbruger::tests::protocol_sample("teams-outgoing-webhook-message.json"));
    CHECK(m.platform == "teams");
    CHECK(m.message_id == "1485983408511");
    CHECK(m.sender.user_id.starts_with("29:1XJKJMvc5GBtc2JwZq0oj8tH"));
    CHECK(m.sender.display_name == "Tim Jones");
    CHECK(m.text == "Hello Larry Brown");
}

TEST_CASE("an outgoing webhook message names the sender's Entra id and tenant, and the mention goes wherever it is", "[adapters][teams_webhook]") {
    auto const m = parse_message(R"({"type":"message","id":"m1","text":"hvem er <at>Superbot</at> vores superbrugere?",
        "from":{"id":"29:anne","name":"Anne","aadObjectId":"aad-anne"},"conversation":{"id":"19:x@thread.skype"},
        "recipient":{"id":"null","name":"null"},"channelData":{"tenant":{"id":"tenant-370"}},
        "entities":[{"type":"mention","mentioned":{"id":"28:hook","name":"Superbot"},"text":"<at>Superbot</at>"},
                    {"type":7,"mentioned":"x"}]})");
    CHECK(m.sender.aad_object_id == "aad-anne");
    CHECK(m.sender.tenant_id == "tenant-370");
    CHECK(m.sender.person_id() == "aad-anne");
    CHECK(m.text == "hvem er vores superbrugere?");
}

TEST_CASE("an outgoing webhook body that is no message with text is a bad request", "[adapters][teams_webhook]") {
    CHECK_THROWS_AS(parse_message("not json"), AdapterError);
    CHECK_THROWS_AS(parse_message(R"({"type":"conversationUpdate"})"), AdapterError);
    CHECK_THROWS_AS(parse_message(R"({"type":"message","text":"<at>Superbot</at>",
        "entities":[{"type":"mention","mentioned":{"id":"28:hook","name":"Superbot"},"text":"<at>Superbot</at>"}]})"),
                    AdapterError);
}

TEST_CASE("the inline answer is one Markdown message with the source and what to type for each button", "[adapters][teams_webhook]") {
    ChatReply reply;
    reply.text = "Systemansvarlig er **Bo**.";
    reply.footer = "Kilde: Rollegalleriet";
    reply.actions = {{"Ja", "ja"}, {"Nej", "nej"}};
    reply.form = Form{};
    auto const r = response_body(reply);
    CHECK(r["type"] == "message");
    CHECK(r["textFormat"] == "markdown");
    CHECK(r["text"] == "Systemansvarlig er **Bo**.\n\nKilde: Rollegalleriet\n\n»ja« · »nej«");
    CHECK_FALSE(r.contains("attachments"));  // Teams runs no card action but openUrl here

    reply = ChatReply{};
    reply.text = std::string(40000, 'a') + "æøå";
    auto const long_text = response_body(reply)["text"].get<std::string>();
    CHECK(bot_framework::utf16_units(long_text) <= bot_framework::max_activity_utf16_units);
    CHECK(long_text.ends_with("…"));
}
