// Writing to the Bot Connector: cards, plain messages, the size limit, references, URLs and the
// identity documents.
#include "adapters/bot_framework/conversation_reference.hpp"
#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/bot_framework/service_documents.hpp"
#include "adapters/error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::bot_framework;
using nlohmann::json;

namespace {
std::vector<json> parsed(std::vector<std::string> const& texts) {
    std::vector<json> out;
    for (auto const& t : texts) out.push_back(json::parse(t));  // throws on a text that is not JSON
    return out;
}

ConversationReference reference() {
    return reference_of(parse_activity(R"({"type":"message","id":"m1","serviceUrl":"https://smba.trafficmanager.net/emea",
        "channelId":"msteams","from":{"id":"29:anne","name":"Anne","aadObjectId":"aad-1"},"recipient":{"id":"28:bot","name":"Bot"},
        "conversation":{"id":"a:chat;x=1","conversationType":"personal"},"channelData":{"tenant":{"id":"t-1"}}})"));
}
}  // namespace

TEST_CASE("a reply with a source and buttons becomes an Adaptive Card", "[adapters][teams]") {
    ChatReply reply{"Svaret.\n\nAnden del med **fed** tekst.", {{"support", "Support", "", ""}}, "Kilde: Support",
                    {{"Nyttigt", "feedback 1 ja"}}, true, {}};
    auto const activities = parsed(message_activities(reply, reference(), "m1"));
    REQUIRE(activities.size() == 1);
    auto const& a = activities[0];
    CHECK(a["type"] == "message");
    CHECK(a["replyToId"] == "m1");
    CHECK(a["from"]["id"] == "28:bot");
    CHECK(a["recipient"]["id"] == "29:anne");
    CHECK_FALSE(a.contains("text"));  // text and card in one activity would be split by Teams
    auto const& card = a["attachments"][0]["content"];
    CHECK(card["type"] == "AdaptiveCard");
    CHECK(card["version"] == "1.4");
    REQUIRE(card["body"].size() == 3);
    CHECK(card["body"][1]["text"] == "Anden del med **fed** tekst.");
    CHECK(card["body"][2]["isSubtle"] == true);
    CHECK(card["actions"][0] == json{{"type", "Action.Submit"}, {"title", "Nyttigt"}, {"data", {{"command", "feedback 1 ja"}}}});
    CHECK_THAT(card["fallbackText"].get<std::string>(), Catch::Contains("Svaret.") && Catch::Contains("Kilde: Support"));
}

TEST_CASE("a bare text becomes a Markdown message", "[adapters][teams]") {
    auto const activities = parsed(message_activities({"Tak for svaret.", {}, {}, {}, true, {}}, reference()));
    REQUIRE(activities.size() == 1);
    CHECK(activities[0]["text"] == "Tak for svaret.");
    CHECK(activities[0]["textFormat"] == "markdown");
    CHECK_FALSE(activities[0].contains("replyToId"));
}

TEST_CASE("a reply over the size limit is split at paragraphs and nothing is lost", "[adapters][teams]") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "Afsnit " + std::to_string(i) + " om æøå og 😀 emoji.\n\n";
    text.resize(text.size() - 2);
    ChatReply reply{text, {}, "Kilde: Test", {{"Læs mere", "læs mere x"}}, true, {}};
    std::size_t const limit = 8000;
    auto const texts = message_activities(reply, reference(), "m1", limit);
    for (auto const& t : texts) CHECK(utf16_units(t) <= limit);
    auto const activities = parsed(texts);
    REQUIRE(activities.size() > 2);
    std::string joined;
    for (auto const& a : activities) {
        if (a.contains("text")) {
            joined += a["text"].get<std::string>() + "\n\n";
            CHECK_THAT(a["text"].get<std::string>(), Catch::StartsWith("Afsnit"));  // cut at a paragraph
        }
    }
    auto const& last = activities.back();
    REQUIRE(last.contains("attachments"));
    for (auto const& block : last["attachments"][0]["content"]["body"]) {
        if (!block.contains("isSubtle")) joined += block["text"].get<std::string>() + "\n\n";
    }
    CHECK(joined.substr(0, joined.size() - 2) == text);
    CHECK(last["attachments"][0]["content"]["actions"].size() == 1);
}

TEST_CASE("UTF-16 length counts surrogate pairs twice", "[adapters][teams]") {
    CHECK(utf16_units("abc") == 3);
    CHECK(utf16_units("æøå") == 3);
    CHECK(utf16_units("😀") == 2);
}

TEST_CASE("a conversation reference survives storage and builds encoded Connector URLs", "[adapters][teams]") {
    auto const ref = reference();
    CHECK(ref.service_url == "https://smba.trafficmanager.net/emea/");  // the trailing slash is added
    auto const again = ConversationReference::from_json(json::parse(ref.to_json().dump()));
    CHECK(again.conversation_id == "a:chat;x=1");
    CHECK(again.tenant_id == "t-1");
    CHECK(again.user.aad_object_id == "aad-1");
    CHECK(again.bot.id == "28:bot");
    CHECK(reply_url(again, "m/1") == "https://smba.trafficmanager.net/emea/v3/conversations/a%3Achat%3Bx%3D1/activities/m%2F1");
    CHECK(send_url(again) == "https://smba.trafficmanager.net/emea/v3/conversations/a%3Achat%3Bx%3D1/activities");
    CHECK_THROWS_AS(ConversationReference::from_json(json{{"conversation", {{"id", "x"}}}}), AdapterError);
}

TEST_CASE("create-conversation parameters name the user and the tenant", "[adapters][teams]") {
    auto const to = personal_reference("https://smba.trafficmanager.net/teams", "t-1", {"28:bot", "Bot", ""}, {"29:ole", "", ""});
    CHECK(create_conversation_url(to.service_url) == "https://smba.trafficmanager.net/teams/v3/conversations");
    auto const p = create_conversation_parameters(to);
    CHECK(p["bot"]["id"] == "28:bot");
    CHECK(p["members"] == json::array({{{"id", "29:ole"}}}));
    CHECK(p["channelData"]["tenant"]["id"] == "t-1");
    CHECK(p["isGroup"] == false);
    CHECK(created_conversation_id(R"({"id":"a:1qhN"})") == "a:1qhN");
    CHECK_THROWS_AS(created_conversation_id(R"({"activityId":"x"})"), AdapterError);
}

TEST_CASE("identity documents: OpenID metadata and client-credentials tokens", "[adapters][teams]") {
    CHECK(jwks_uri_of(R"({"issuer":"https://api.botframework.com","jwks_uri":"https://login.botframework.com/v1/.well-known/keys"})") ==
          "https://login.botframework.com/v1/.well-known/keys");
    CHECK_THROWS_AS(jwks_uri_of(R"({"issuer":"x"})"), AdapterError);
    CHECK(client_credentials_form("id 1", "p&w=+", "https://api.botframework.com/.default") ==
          "grant_type=client_credentials&client_id=id%201&client_secret=p%26w%3D%2B&scope=https%3A%2F%2Fapi.botframework.com%2F.default");
    auto const t = parse_token_response(R"({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0"})");
    CHECK(t.token == "eyJ0");
    CHECK(t.expires_in.count() == 3599);
    CHECK(parse_token_response(R"({"expires_in":"120","access_token":"a"})").expires_in.count() == 120);
    CHECK_THROWS_AS(parse_token_response(R"({"error":"invalid_client"})"), AdapterError);
}

TEST_CASE("a form becomes card inputs whose values come back with the submit", "[adapters][teams][form]") {
    ChatReply reply;
    reply.text = "Udfyld";
    Form form;
    form.fields.push_back({"title", "Titel", FormField::Kind::line, 120, {}, "Forslag"});
    form.fields.push_back({"description", "Beskrivelse", FormField::Kind::text, 4000, {}, ""});
    form.fields.push_back({"urgency", "Hast", FormField::Kind::choice, 10, {{"lav", "lav"}, {"høj", "høj"}}, ""});
    form.submit_label = "Videre";
    form.submit_command = "ændringsønske formular";
    reply.form = form;
    auto const activities = parsed(message_activities(reply, reference()));
    REQUIRE(activities.size() == 1);
    auto const& card = activities[0]["attachments"][0]["content"];
    auto const& body = card["body"];
    REQUIRE(body.size() == 4);
    CHECK(body[1]["type"] == "Input.Text");
    CHECK(body[1]["value"] == "Forslag");
    CHECK(body[1]["maxLength"] == 120);
    CHECK(body[2]["isMultiline"] == true);
    CHECK(body[3]["type"] == "Input.ChoiceSet");
    CHECK(body[3]["choices"][1] == json{{"title", "høj"}, {"value", "høj"}});
    CHECK(card["actions"][0]["data"] == json{{"command", "ændringsønske formular"}});

    // Teams merges the inputs into the submit's data: the message carries them as form values.
    auto const submit = parse_activity(R"({"type":"message","value":{"command":"ændringsønske formular","title":"T","urgency":"høj","n":5}})");
    auto const m = to_chat_message(submit);
    CHECK(m.text == "ændringsønske formular");
    CHECK(m.form_values == std::map<std::string, std::string>{{"title", "T"}, {"urgency", "høj"}});
}

namespace {

/// True when `s` is well-formed UTF-8 (no sequence cut or overrun).
bool valid_utf8(std::string const& s) {
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

}  // namespace

TEST_CASE("a source line with no room left is shortened instead of looping", "[adapters][teams][hardening]") {
    ChatReply reply{"Svaret.", {{"lokal", "Lokal", "", ""}}, "Kilde: " + std::string(8000, 'x'), {{"Nyttigt", "feedback 1 ja"}}, true, {}};
    auto const texts = message_activities(reply, reference(), "m1");
    REQUIRE(texts.size() == 1);
    CHECK(utf16_units(texts[0]) <= max_activity_utf16_units);
    auto const activities = parsed(texts);
    auto const card = activities[0]["attachments"][0]["content"];
    CHECK_THAT(card["fallbackText"].get<std::string>(), Catch::Contains("Svaret."));
    CHECK_THAT(card["body"].back()["text"].get<std::string>(), Catch::StartsWith("Kilde: xxx") && Catch::EndsWith("…"));
}

TEST_CASE("splitting never cuts a UTF-8 sequence and always ends", "[adapters][teams][hardening]") {
    // Long texts of 2-, 3- and 4-byte characters without a line break, with and without a footer.
    for (std::string const ch : {"æ", "€", "😀"}) {
        std::string text;
        for (int i = 0; i < 20000; ++i) text += ch;
        for (std::string const& footer : {std::string(), "Kilde: " + std::string(5000, 'y') + ch}) {
            ChatReply reply{text, {}, footer, {}, true, {}};
            auto const texts = message_activities(reply, reference(), "m1", 4096);
            CHECK(texts.size() < 100);
            for (auto const& t : texts) CHECK(utf16_units(t) <= 4096);
            for (auto const& a : parsed(texts)) {
                if (a.contains("text")) CHECK(valid_utf8(a["text"].get<std::string>()));
            }
        }
    }
    // Malformed UTF-8 (a lead byte at the very end) is neither overrun nor looped on.
    ChatReply broken{std::string(9000, 'a') + "\xf0", {}, "", {}, true, {}};
    auto const parts = parsed(message_activities(broken, reference(), "m1", 4096));
    CHECK(parts.size() < 10);
}
