// Reading Bot Framework activities: the official samples, hostile field types, mentions, Teams
// HTML, card submits and installation events.
#include "adapters/bot_framework/activity.hpp"
#include "adapters/bot_framework/teams_text.hpp"
#include "adapters/error.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>


using namespace superbruger::adapters;
using namespace superbruger::adapters::bot_framework;
using nlohmann::json;

namespace {
std::string sample(std::string const& name) { return superbruger::tests::protocol_sample(name); }
}  // namespace

TEST_CASE("the Teams message sample is read with tenant and Entra object id", "[adapters][teams]") {
    auto const a = parse_activity(sample("teams-message.json"));
    CHECK(a.type == "message");
    CHECK(a.id == "1485983408511");
    CHECK(a.service_url == "https://smba.trafficmanager.net/amer/");
    CHECK(a.channel_id == "msteams");
    CHECK(a.conversation_type == "personal");
    CHECK(a.tenant_id == "72f988bf-86f1-41af-91ab-2d7cd011db47");
    auto const m = to_chat_message(a);
    CHECK(m.platform == "teams");
    CHECK(m.message_id == "1485983408511");
    CHECK(m.sender.user_id.starts_with("29:"));
    CHECK(m.sender.aad_object_id == "7faf8ab2-3d56-4244-b585-20c8a42ed2b8");
    CHECK(m.sender.tenant_id == "72f988bf-86f1-41af-91ab-2d7cd011db47");
    CHECK(m.text == "Hello Teams TestBot.Sending bold-italic rich text");
}

TEST_CASE("the published card-submit sample is refused as invalid JSON and read once mended", "[adapters][teams]") {
    auto text = sample("teams-card-messageback-value.as-published-invalid.json");
    try {
        parse_activity(text);
        FAIL("the trailing comma was accepted");
    } catch (AdapterError const& e) {
        CHECK(e.kind() == AdapterError::Kind::bad_request);
        CHECK_THAT(e.what(), Catch::Contains("not valid JSON"));
    }
    text.erase(text.rfind(','), 1);
    auto const a = parse_activity(text);
    CHECK(a.value == json{{"property", "propertyValue"}});
    CHECK(a.reply_to_id == "1575667808184");
    CHECK(a.tenant_id == "bec8e231-67ad-484e-87f4-3e5438390a77");
    // No command in the value: the text is the message.
    CHECK(to_chat_message(a).text == "User just clicked the MessageBack button");
}

TEST_CASE("bodies that are no activity are bad requests and odd field types are ignored", "[adapters][teams]") {
    CHECK_THROWS_AS(parse_activity("[]"), AdapterError);
    CHECK_THROWS_AS(parse_activity("{}"), AdapterError);
    CHECK_THROWS_AS(parse_activity(R"({"type": 5})"), AdapterError);
    CHECK_THROWS_AS(parse_activity(""), AdapterError);
    auto const a = parse_activity(R"({"type":"message","from":5,"text":["x"],"conversation":"c","channelData":{"tenant":7},
                                      "entities":{"not":"a list"},"membersAdded":"nobody","value":null})");
    CHECK(a.from.id.empty());
    CHECK(a.text.empty());
    CHECK(a.tenant_id.empty());
    CHECK(a.entities.is_array());
    CHECK(to_chat_message(a).text.empty());
}

TEST_CASE("the bot's own mention is stripped and other mentions keep the name", "[adapters][teams]") {
    json const entities = json::array({
        {{"type", "mention"}, {"mentioned", {{"id", "28:bot"}, {"name", "Superbot"}}}, {"text", "<at>@Superbot</at>"}},
        {{"type", "mention"}, {"mentioned", {{"id", "29:mette"}, {"name", "Mette Jensen"}}}, {"text", "<at>Mette Jensen</at>"}},
    });
    // The entity says "<at>@Superbot</at>", the text "<at>Superbot</at>": both forms go.
    auto const stripped = strip_bot_mentions("<at>Superbot</at> hvilke roller har <at>Mette Jensen</at>?", entities, "28:bot");
    CHECK(html_to_text(stripped) == "hvilke roller har Mette Jensen?");
    CHECK(strip_bot_mentions("<at>Superbot</at> hej", entities, "28:other") == "<at>Superbot</at> hej");
}

TEST_CASE("Teams HTML is reduced to text", "[adapters][teams]") {
    CHECK(html_to_text("<div><div>Hello. Sending <strong>bold</strong>-<em>italic</em> rich text.</div>\n</div>") ==
          "Hello. Sending bold-italic rich text.");
    CHECK(html_to_text("<p>Første</p><p>Anden&nbsp;linje</p>") == "Første\n\nAnden linje");
    CHECK(html_to_text("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#39; &#x00E6;&#248;") == "a < b && c > d \"q\" 's' æø");
    CHECK(html_to_text("5 < 6 og 7 > 3") == "5 < 6 og 7 > 3");  // not tags
    CHECK(html_to_text("<ul><li>en</li><li>to</li></ul>") == "- en\n- to");
    CHECK(html_to_text("AT&T &bogus; &#xZZ;") == "AT&T &bogus; &#xZZ;");
    CHECK(html_to_text("tekst <b uafsluttet") == "tekst");
}

TEST_CASE("a card submit runs the command in its data", "[adapters][teams]") {
    auto a = parse_activity(R"({"type":"message","value":{"command":"feedback 12 ja","rating":"5"},"text":""})");
    CHECK(to_chat_message(a).text == "feedback 12 ja");
}

TEST_CASE("bot added is told apart from other members added", "[adapters][teams]") {
    auto added = parse_activity(R"({"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:x"},{"id":"28:bot"}]})");
    CHECK(bot_was_added(added));
    auto other = parse_activity(R"({"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:x"}]})");
    CHECK_FALSE(bot_was_added(other));
    CHECK(bot_was_added(parse_activity(R"({"type":"installationUpdate","action":"add"})")));
    CHECK_FALSE(bot_was_added(parse_activity(R"({"type":"installationUpdate","action":"remove"})")));
    CHECK_FALSE(bot_was_added(parse_activity(R"({"type":"messageReaction"})")));
}

TEST_CASE("mention entities with fields of the wrong JSON type are ignored", "[adapters][teams][hardening]") {
    std::string const text = "<at>Superbot</at> hej";
    for (auto const* entities : {R"([{"type": 5}])", R"([{"type": null}])", R"([{"type": "mention", "mentioned": {"id": 7}}])",
                                 R"([{"type": "mention", "mentioned": {"id": "28:bot", "name": 5}, "text": 3}])",
                                 R"([{"type": "mention", "mentioned": []}])", R"([null, 1, "x", []])"}) {
        INFO(entities);
        CHECK(strip_bot_mentions(text, json::parse(entities), "28:bot") == text);
    }
}
