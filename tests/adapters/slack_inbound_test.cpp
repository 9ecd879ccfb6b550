// Reading Slack's requests: events (the docs' samples, mentions, subtypes, bots, retries, Grid),
// slash commands, button clicks and modal submissions, and the text conversions they use.
#include "adapters/error.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/slack/form_codec.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/reply_address.hpp"
#include "adapters/slack/slack_text.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::slack;
using nlohmann::json;

namespace {

std::string sample(std::string const& name) { return superbruger::tests::protocol_sample(name); }

/// The docs' samples carry a trailing comma; mended here as a person would.
std::string mended(std::string text) {
    auto const at = text.find("false,\n        }");
    REQUIRE(at != std::string::npos);
    text.erase(at + 5, 1);
    return text;
}

json dm_event(std::string const& text, json changes = json::object()) {
    json event = {{"type", "message"}, {"channel", "D024BE91L"}, {"user", "U2147483697"}, {"text", text},
                  {"ts", "1700000000.000100"}, {"event_ts", "1700000000.000100"}, {"channel_type", "im"}};
    for (auto const& [k, v] : changes.items()) {
        if (v.is_null()) event.erase(k);
        else event[k] = v;
    }
    return {{"token", "x"}, {"team_id", "T123ABC456"}, {"api_app_id", "A123ABC456"}, {"type", "event_callback"}, {"event", event},
            {"event_id", "Ev0001"}, {"event_time", 1700000000},
            {"authorizations", json::array({{{"team_id", "T123ABC456"}, {"user_id", "UBOT"}, {"is_bot", true}}})}};
}

InboundSettings bot() {
    InboundSettings s;
    s.bot_user_id = "UBOT";
    return s;
}

std::string interaction_body(std::string const& payload) { return "payload=" + percent_encode(payload); }

}  // namespace

TEST_CASE("form bodies are decoded with + as space, %XX as bytes and odd input kept", "[adapters][slack]") {
    CHECK(form_decode("a+b%20c%2Fd") == "a b c/d");
    CHECK(form_decode("%C3%A6ndring") == "ændring");
    CHECK(form_decode("100%") == "100%");
    CHECK(form_decode("%zz%4") == "%zz%4");
    auto const fields = parse_form_body("a=1&&b=&c&a=2&=x&d=%26%3D");
    CHECK(fields.at("a") == "1");
    CHECK(fields.at("b").empty());
    CHECK(fields.at("c").empty());
    CHECK(fields.at("") == "x");
    CHECK(fields.at("d") == "&=");
    CHECK(parse_form_body("").empty());
    // Percent-encoding carries any byte; what is not UTF-8 is refused, not passed on to JSON.
    CHECK(parse_form_body("text=%C3%A6").at("text") == "æ");
    CHECK_THROWS_AS(parse_form_body("user_id=%FF"), AdapterError);
    CHECK_THROWS_AS(parse_form_body("text=%C3"), AdapterError);         // cut sequence
    CHECK_THROWS_AS(parse_form_body("text=%C0%AF"), AdapterError);      // overlong "/"
    CHECK_THROWS_AS(parse_form_body("text=%ED%A0%80"), AdapterError);   // a surrogate
    CHECK_THROWS_AS(parse_form_body("%FE=x"), AdapterError);            // in the name too
    CHECK(parse_form_body("t=%F0%9F%98%80").at("t") == "\xF0\x9F\x98\x80");
}

TEST_CASE("url_verification answers the challenge", "[adapters][slack]") {
    auto const in = parse_event(sample("slack-url-verification.json"), {});
    CHECK(in.kind == Inbound::Kind::url_verification);
    CHECK(in.challenge == "valid_challenge_token");
    CHECK_THROWS_AS(parse_event(R"({"type":"url_verification"})", {}), AdapterError);
}

TEST_CASE("the docs' message.im sample is refused as published and read once mended", "[adapters][slack]") {
    auto const text = sample("slack/message-im.as-published-invalid.json");
    CHECK_THROWS_AS(parse_event(text, {}), AdapterError);
    auto const in = parse_event(mended(text), {}, "", "");
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::event);
    CHECK(in.message.platform == "slack");
    CHECK(in.message.message_id == "Ev0PV52K21");
    CHECK(in.message.sender.user_id == "U2147483697");
    CHECK(in.message.sender.tenant_id == "T123ABC456");
    CHECK(in.message.text == "Hello hello can you hear me?");
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel == "D024BE91L");
    CHECK(to.thread_ts.empty());  // a DM is answered in the DM, not in a thread
    CHECK(to.user_id == "U2147483697");
    CHECK(in.team_id == "T123ABC456");
    CHECK(in.retry_num == 0);
}

TEST_CASE("the docs' app_mention sample loses the bot's mention and is answered in its thread", "[adapters][slack]") {
    InboundSettings s;
    s.bot_user_id = "U0LAN0Z89";
    auto const in = parse_event(mended(sample("slack/app-mention.as-published-invalid.json")), s);
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.message.text == "is it everything a river should be?");
    CHECK(in.message.message_id == "Ev123ABC456");
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel == "C123ABC456");
    CHECK(to.thread_ts == "1515449522.000016");
}

TEST_CASE("a mention inside a thread is answered in that thread", "[adapters][slack]") {
    auto body = dm_event("<@UBOT|superbot> hvem er superbruger?", {{"type", "app_mention"}, {"channel", "C1"}, {"channel_type", nullptr},
                                                                 {"thread_ts", "1699999999.000001"}});
    auto const in = parse_event(body.dump(), bot());
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.message.text == "hvem er superbruger?");
    CHECK(parse_reply_address(in.message.reply_address).thread_ts == "1699999999.000001");
}

TEST_CASE("the bot's user id is taken from the authorizations when not configured", "[adapters][slack]") {
    auto const in = parse_event(dm_event("hej <@UBOT>").dump(), {});
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.message.text == "hej");
    CHECK(parse_event(dm_event("mig selv", {{"user", "UBOT"}}).dump(), {}).kind == Inbound::Kind::ignored);
}

TEST_CASE("bots, the bot itself, edits and other subtypes are ignored", "[adapters][slack]") {
    auto const reason = [](json const& body) {
        auto const in = parse_event(body.dump(), bot());
        CHECK(in.kind == Inbound::Kind::ignored);
        return in.reason;
    };
    CHECK_THAT(reason(dm_event("hej", {{"user", "UBOT"}})), Catch::Contains("own message"));
    CHECK_THAT(reason(dm_event("hej", {{"bot_id", "B1"}})), Catch::Contains("bot"));
    CHECK_THAT(reason(dm_event("hej", {{"bot_profile", {{"id", "B1"}}}})), Catch::Contains("bot"));
    CHECK_THAT(reason(dm_event("hej", {{"subtype", "message_changed"}})), Catch::Contains("message_changed"));
    CHECK_THAT(reason(dm_event("hej", {{"subtype", "bot_message"}})), Catch::Contains("bot_message"));
    CHECK_THAT(reason(dm_event("hej", {{"subtype", "message_deleted"}})), Catch::Contains("subtype"));
    CHECK_THAT(reason(dm_event("hej", {{"subtype", "channel_join"}})), Catch::Contains("subtype"));
    CHECK_THAT(reason(dm_event("hej", {{"user", nullptr}})), Catch::Contains("without a user"));
    CHECK_THAT(reason(dm_event("  ")), Catch::Contains("empty"));
    CHECK_THAT(reason(dm_event("hej", {{"type", "reaction_added"}})), Catch::Contains("reaction_added"));
    // A file shared with a comment is still the person's question.
    CHECK(parse_event(dm_event("se filen", {{"subtype", "file_share"}}).dump(), bot()).kind == Inbound::Kind::message);
    CHECK(parse_event(sample("slack-event-callback-docs-reaction_added.json"), bot()).kind == Inbound::Kind::ignored);
    CHECK(parse_event(sample("slack-event-callback-reaction_added.json"), bot()).kind == Inbound::Kind::ignored);
}

TEST_CASE("channel messages are answered only where configured, and a mention only once", "[adapters][slack]") {
    auto const channel = dm_event("hvem er superbruger?", {{"channel", "C1"}, {"channel_type", "channel"}});
    CHECK(parse_event(channel.dump(), bot()).kind == Inbound::Kind::ignored);
    auto s = bot();
    s.channel_messages = true;
    auto const in = parse_event(channel.dump(), s);
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(parse_reply_address(in.message.reply_address).thread_ts == "1700000000.000100");
    // The same mention arrives as app_mention too: the message.channels copy is ignored.
    auto const mention = dm_event("<@UBOT> hej", {{"channel", "C1"}, {"channel_type", "channel"}});
    CHECK_THAT(parse_event(mention.dump(), s).reason, Catch::Contains("app_mention"));
    // Another user whose id starts with the bot's is no mention of the bot.
    CHECK(parse_event(dm_event("<@UBOT2> hej", {{"channel", "C1"}, {"channel_type", "channel"}}).dump(), s).kind == Inbound::Kind::message);
}

TEST_CASE("retries carry their number, events for another app are ignored", "[adapters][slack]") {
    auto const in = parse_event(dm_event("hej").dump(), bot(), "2", "http_timeout");
    CHECK(in.retry_num == 2);
    CHECK(in.retry_reason == "http_timeout");
    CHECK(in.message.message_id == "Ev0001");  // the same id as the first delivery: claimed once
    CHECK(parse_event(dm_event("hej").dump(), bot(), "x").retry_num == 0);
    auto s = bot();
    s.app_id = "AOTHER";
    CHECK_THAT(parse_event(dm_event("hej").dump(), s).reason, Catch::Contains("another app"));
}

TEST_CASE("Enterprise Grid events carry the enterprise id", "[adapters][slack]") {
    auto body = dm_event("hej");
    body["authorizations"][0]["enterprise_id"] = "E123";
    auto in = parse_event(body.dump(), bot());
    CHECK(in.enterprise_id == "E123");
    CHECK(in.message.sender.tenant_id == "T123ABC456");
    body["enterprise_id"] = "E999";
    CHECK(parse_event(body.dump(), bot()).enterprise_id == "E999");
    // An org-wide install without a team: the organisation is the tenant.
    body.erase("team_id");
    CHECK(parse_event(body.dump(), bot()).message.sender.tenant_id == "E999");
}

TEST_CASE("event bodies that are no events are bad requests and odd field types are ignored", "[adapters][slack]") {
    CHECK_THROWS_AS(parse_event("", {}), AdapterError);
    CHECK_THROWS_AS(parse_event("[]", {}), AdapterError);
    CHECK_THROWS_AS(parse_event("{}", {}), AdapterError);
    CHECK_THROWS_AS(parse_event(R"({"type":5})", {}), AdapterError);
    CHECK_THROWS_AS(parse_event(std::string(100, '[') + std::string(100, ']'), {}), AdapterError);
    CHECK(parse_event(R"({"type":"event_callback","event":"nope"})", {}).kind == Inbound::Kind::ignored);
    CHECK(parse_event(R"({"type":"event_callback","event":{"type":"message","user":5,"text":["x"]}})", {}).kind == Inbound::Kind::ignored);
    CHECK(parse_event(R"({"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820})", {}).kind == Inbound::Kind::ignored);
}

TEST_CASE("Slack's markup is turned back into text", "[adapters][slack]") {
    CHECK(mrkdwn_to_text("a &amp; b &lt;c&gt;") == "a & b <c>");
    CHECK(mrkdwn_to_text("&amp;lt;") == "&lt;");
    CHECK(mrkdwn_to_text("se <https://example.dk/x?a=1&amp;b=2|vejledningen> og <https://example.dk>") ==
          "se vejledningen og https://example.dk");
    CHECK(mrkdwn_to_text("<mailto:anne@example.dk|anne@example.dk>") == "anne@example.dk");
    CHECK(mrkdwn_to_text("spørg <@U123> eller <@U456|mette> i <#C1|general>") == "spørg @U123 eller @mette i #general");
    CHECK(mrkdwn_to_text("<!here> <!channel> <!subteam^S1|@superbrugere>") == "@here @channel @superbrugere");
    CHECK(mrkdwn_to_text("ingen lukning <her") == "ingen lukning <her");
    CHECK(strip_mention("<@UBOT> a <@UBOT|bot> b <@UBOTX>", "UBOT") == " a  b <@UBOTX>");
    CHECK(strip_mention("<@UBOT", "UBOT") == "<@UBOT");
    CHECK(strip_mention("<@UBOT> a", "") == "<@UBOT> a");
}

TEST_CASE("a slash command is read from its signed sample and the docs' example", "[adapters][slack]") {
    auto const in = parse_slash_command(sample("slack-slash-command-signed-body.txt"));
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::slash_command);
    CHECK(in.message.text.empty());
    CHECK(in.message.sender.user_id == "U2CERLKJA");
    CHECK(in.message.sender.display_name == "roadrunner");
    CHECK(in.message.sender.tenant_id == "T1DC2JH3J");
    CHECK(in.message.message_id == "command:398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel == "G8PSS9T3V");
    CHECK(to.response_url == "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
    CHECK(to.trigger_id == "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    auto const doc = parse_slash_command(sample("slack-slash-command-docs-example.txt"));
    CHECK(doc.message.text == "94070");
    CHECK(doc.enterprise_id == "E0001");
    CHECK(doc.team_id == "T0001");
    CHECK(parse_reply_address(doc.message.reply_address).response_url == "https://hooks.slack.com/commands/1234/5678");
}

TEST_CASE("a slash command's text is decoded and unescaped", "[adapters][slack]") {
    auto const in = parse_slash_command("command=%2Fsuperbot&text=hvad+er+%26lt%3Brolle%26gt%3B+%C3%A6+%3C%40U1%7Canne%3E&user_id=U1&team_id=T1");
    CHECK(in.message.text == "hvad er <rolle> æ @anne");
    CHECK(parse_slash_command("ssl_check=1&token=x").kind == Inbound::Kind::ignored);
    CHECK_THROWS_AS(parse_slash_command("text=hej"), AdapterError);
    CHECK_THROWS_AS(parse_slash_command(""), AdapterError);
}

TEST_CASE("a click on a reply button becomes a message with the button's value", "[adapters][slack]") {
    auto const in = parse_interaction(interaction_body(sample("slack/block-actions-button.json")));
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::block_actions);
    CHECK(in.message.text == "feedback op");
    CHECK(in.message.sender.user_id == "U2147483697");
    CHECK(in.message.sender.tenant_id == "T123ABC456");
    CHECK(in.message.message_id == "action:13345224609.738474920.8088930838d88f008e0");
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel == "D024BE91L");
    CHECK(to.response_url == "https://hooks.slack.com/actions/T123ABC456/1234567890/abcdefghijklmnop");
    CHECK(to.trigger_id == "13345224609.738474920.8088930838d88f008e0");
    // The same payload through the one-URL dispatcher.
    CHECK(parse_request("application/x-www-form-urlencoded; charset=utf-8", interaction_body(sample("slack/block-actions-button.json")), {})
              .source == Inbound::Source::block_actions);
}

TEST_CASE("a select menu's option is a message too, while actions in views and without values are ignored", "[adapters][slack]") {
    auto payload = json::parse(sample("slack/block-actions-button.json"));
    payload["actions"][0].erase("value");
    payload["actions"][0]["selected_option"] = {{"value", "releases"}};
    CHECK(parse_interaction(interaction_body(payload.dump())).message.text == "releases");
    payload["actions"][0].erase("selected_option");
    CHECK(parse_interaction(interaction_body(payload.dump())).kind == Inbound::Kind::ignored);
    payload["container"] = {{"type", "view"}, {"view_id", "V1"}};
    CHECK(parse_interaction(interaction_body(payload.dump())).kind == Inbound::Kind::ignored);
    CHECK(parse_interaction(interaction_body(R"({"type":"shortcut"})")).kind == Inbound::Kind::ignored);
    CHECK_THROWS_AS(parse_interaction("payload=nope"), AdapterError);
    CHECK_THROWS_AS(parse_interaction("other=1"), AdapterError);
    CHECK_THROWS_AS(parse_interaction(interaction_body("{}")), AdapterError);
}

TEST_CASE("a click on the form button asks to open the form it carries", "[adapters][slack]") {
    Form form;
    form.fields = {{"title", "Titel", FormField::Kind::line, 120, {}, "Ny rolle"},
                   {"urgency", "Hast", FormField::Kind::choice, 10, {{"lav", "lav"}, {"høj", "høj"}}, ""}};
    form.submit_label = "Videre";
    form.submit_command = "ændringsønske formular";
    auto payload = json::parse(sample("slack/block-actions-button.json"));
    payload["actions"][0]["action_id"] = "sb_open_form";
    payload["actions"][0]["value"] = encode_form(form);
    auto const in = parse_interaction(interaction_body(payload.dump()));
    REQUIRE(in.kind == Inbound::Kind::open_form);
    REQUIRE(in.form);
    CHECK(in.form->submit_command == "ændringsønske formular");
    REQUIRE(in.form->fields.size() == 2);
    CHECK(in.form->fields[0].value == "Ny rolle");
    CHECK(in.form->fields[1].kind == FormField::Kind::choice);
    CHECK(in.form->fields[1].choices[1] == std::pair<std::string, std::string>{"høj", "høj"});
    CHECK(parse_reply_address(in.message.reply_address).trigger_id == "13345224609.738474920.8088930838d88f008e0");
    payload["actions"][0]["value"] = "not a form";
    CHECK(parse_interaction(interaction_body(payload.dump())).kind == Inbound::Kind::ignored);
}

TEST_CASE("a modal submission gives the fields' values and the submit command", "[adapters][slack]") {
    auto const in = parse_interaction(interaction_body(sample("slack/view-submission.json")));
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::view_submission);
    CHECK(in.message.text == "ændringsønske formular");
    CHECK(in.message.form_values.at("title") == "Ny rolle til visitatorer");
    CHECK(in.message.form_values.at("urgency") == "høj");
    CHECK(in.message.form_values.at("area").empty());
    CHECK(in.message.sender.user_id == "U2147483697");
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel == "D024BE91L");
    CHECK(to.trigger_id == "12466734323.1395872398.7c2e4b9a1f0d3e5c");

    auto payload = json::parse(sample("slack/view-submission.json"));
    payload["view"]["callback_id"] = "someone_elses";
    CHECK(parse_interaction(interaction_body(payload.dump())).kind == Inbound::Kind::ignored);
    payload["view"]["callback_id"] = "sb_form";
    payload["view"]["private_metadata"] = "shhh-its-secret";
    CHECK_THROWS_AS(parse_interaction(interaction_body(payload.dump())), AdapterError);
}

TEST_CASE("org-installed interactions name the enterprise", "[adapters][slack]") {
    auto payload = json::parse(sample("slack/view-submission.json"));
    payload["team"] = nullptr;
    payload["enterprise"] = {{"id", "E123"}, {"name", "Kommune"}};
    auto const in = parse_interaction(interaction_body(payload.dump()));
    CHECK(in.enterprise_id == "E123");
    CHECK(in.team_id == "T123ABC456");  // from the user's team_id
}

TEST_CASE("reply addresses round-trip and bad ones are refused", "[adapters][slack]") {
    ReplyAddress a{"C1", "1.2", "https://hooks.slack.com/x", "trig", "U1", "T1"};
    auto const back = parse_reply_address(format_reply_address(a));
    CHECK(back.channel == "C1");
    CHECK(back.thread_ts == "1.2");
    CHECK(back.response_url == "https://hooks.slack.com/x");
    CHECK(back.trigger_id == "trig");
    CHECK(back.user_id == "U1");
    CHECK(back.team_id == "T1");
    CHECK(format_reply_address({"", "", "", "", "U1", ""}) == R"({"user":"U1"})");
    CHECK_THROWS_AS(parse_reply_address(""), AdapterError);
    CHECK_THROWS_AS(parse_reply_address("{}"), AdapterError);
    CHECK_THROWS_AS(parse_reply_address(R"({"channel":5})"), AdapterError);
    CHECK_THROWS_AS(parse_reply_address(R"({"thread_ts":"1"})"), AdapterError);
}

TEST_CASE("the form metadata stays within 3000 characters", "[adapters][slack]") {
    auto const address = format_reply_address({"D1", "", std::string(2900, 'r'), "trig", "U1", "T1"});
    auto const metadata = form_metadata("ændringsønske formular", address);
    CHECK(slack_length(metadata) <= 3000);
    auto const j = json::parse(metadata);
    auto const to = parse_reply_address(j["to"].get<std::string>());
    CHECK(to.channel == "D1");
    CHECK(to.response_url.empty());
    CHECK(j["command"] == "ændringsønske formular");
    CHECK_THROWS_AS(form_metadata(std::string(3000, 'c'), address), AdapterError);
}

TEST_CASE("one Request URL takes all three kinds, told apart by content type and payload", "[adapters][slack]") {
    CHECK(parse_request("application/json", sample("slack-url-verification.json"), {}).kind == Inbound::Kind::url_verification);
    CHECK(parse_request("", dm_event("hej").dump(), bot(), "1", "http_error").retry_num == 1);
    CHECK(parse_request("Application/X-WWW-Form-Urlencoded", sample("slack-slash-command-signed-body.txt"), {}).source ==
          Inbound::Source::slash_command);
    CHECK_THROWS_AS(parse_request("application/x-www-form-urlencoded", "payload=%7B%7D", {}), AdapterError);
    CHECK_THROWS_AS(parse_request("application/json", "token=x&command=%2Fx", {}), AdapterError);
}
