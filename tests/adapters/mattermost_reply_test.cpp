// Rendering replies for Mattermost: the inline answers, buttons with their contexts, REST bodies,
// the form as a dialog within the server's byte limits, and what REST answers come to.
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/mattermost_text.hpp"
#include "adapters/mattermost/reply.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::mattermost;
using nlohmann::json;

namespace {

RenderSettings settings() {
    RenderSettings s;
    s.action_url = "https://bot.example/mattermost/actions";
    s.action_secret = "s3cret-context-value";
    s.dialog_url = "https://bot.example/mattermost/dialogs";
    return s;
}

bool valid_utf8(std::string const& s) {
    try {
        (void)json(s).dump();
        return true;
    } catch (json::type_error const&) {
        return false;
    }
}

ChatReply answer() {
    ChatReply r;
    r.text = "Rollen **Visitator** giver adgang til:\n- borgeroverblik\n- ydelser";
    r.citations = {{"roller.md", "Roller", "Visitator", ""}, {"faq.md", "", "", ""}};
    r.actions = {{"Flere roller", "roller"}, {"Tak", "tak"}};
    return r;
}

Form change_request_form() {
    Form form;
    form.fields = {{"title", "Titel", FormField::Kind::line, 120, {}, ""},
                   {"description", "Beskrivelse af ændringen", FormField::Kind::text, 2000, {}, "Det & det <andet>"},
                   {"urgency", "Hast", FormField::Kind::choice, 0, {{"lav", "Lav"}, {"høj", "Høj"}}, "høj"}};
    form.submit_label = "Videre";
    form.submit_command = "ændringsønske formular";
    return form;
}

/// The published response sample's JSON body, for comparing shapes.
json published_response() {
    auto const http = superbruger::tests::protocol_sample("mattermost-outgoing-webhook-response.http");
    return json::parse(http.substr(http.find("\n\n") + 2));
}

}  // namespace

TEST_CASE("a webhook answer is a comment with the text, the source and the buttons", "[adapters][mattermost]") {
    auto const out = webhook_response(answer(), settings());
    CHECK(out["response_type"] == "comment");
    CHECK(out["response_type"] == published_response()["response_type"]);
    CHECK(out["text"] == "Rollen **Visitator** giver adgang til:\n- borgeroverblik\n- ydelser\n\nRoller – Visitator · faq.md");
    auto const& actions = out["props"]["attachments"][0]["actions"];
    REQUIRE(actions.size() == 2);
    CHECK(actions[0] == json{{"id", "sbaction0"},
                             {"type", "button"},
                             {"name", "Flere roller"},
                             {"integration",
                              {{"url", "https://bot.example/mattermost/actions"},
                               {"context", {{"sb_command", "roller"}, {"sb_secret", "s3cret-context-value"}}}}}});
    CHECK(actions[1]["integration"]["context"]["sb_command"] == "tak");
    // What the button carries is what a click brings back through parse_action.
    json click = {{"user_id", "u1"}, {"channel_id", "c1"}, {"trigger_id", "t1"}, {"context", actions[0]["integration"]["context"]}};
    InboundSettings in_settings;
    in_settings.action_secret = "s3cret-context-value";
    CHECK(parse_action(click.dump(), in_settings).message.text == "roller");
}

TEST_CASE("the footer wins over the citations, and a plain answer has no props", "[adapters][mattermost]") {
    ChatReply r;
    r.text = "Hej";
    r.footer = "Læs mere: https://intra/roller";
    r.citations = {{"roller.md", "Roller", "", ""}};
    auto const out = command_response(r, settings());
    CHECK(out["response_type"] == "ephemeral");
    CHECK(out["text"] == "Hej\n\nLæs mere: https://intra/roller");
    CHECK_FALSE(out.contains("props"));
    CHECK(command_response(r, settings(), true)["response_type"] == "in_channel");
    CHECK(message_text(ChatReply{"Kun tekst", {}, {}, {}, true, {}}) == "Kun tekst");
}

TEST_CASE("a long answer is cut within 16383 runes on a character boundary", "[adapters][mattermost]") {
    ChatReply r;
    for (int i = 0; i < 20000; ++i) r.text += "ø";
    r.footer = "Kilde";
    auto const text = message_text(r);
    CHECK(rune_count(text) <= max_message_runes);
    CHECK(rune_count(text) > max_message_runes - 10);
    CHECK(valid_utf8(text));
    CHECK(text.ends_with("…\n\nKilde"));
    // Exactly at the limit nothing is cut.
    ChatReply exact;
    exact.text = std::string(max_message_runes, 'a');
    CHECK(message_text(exact) == exact.text);
    exact.text += "a";
    CHECK(rune_count(message_text(exact)) == max_message_runes);
}

TEST_CASE("cuts by runes and by bytes never split a character", "[adapters][mattermost]") {
    CHECK(rune_count("æøå😀") == 4);
    CHECK(rune_count("a\xff" "b") == 3);
    CHECK(within_runes("æøåæøå", 4) == "æøå…");
    CHECK(within_runes("æøå", 3) == "æøå");
    CHECK(within_bytes("abcdef", 6) == "abcdef");
    CHECK(within_bytes("abcdefg", 6) == "abc…");
    // "aæææ" is 7 bytes; with the 3-byte ellipsis, 5 bytes leave room for "a" only, not half an "æ".
    CHECK(within_bytes("aææ", 5) == "aææ");
    CHECK(within_bytes("aæææ", 5) == "a…");
    CHECK(within_bytes("😀😀", 6) == "…");
    CHECK(within_bytes("😀😀", 7) == "😀…");
    CHECK(within_bytes("æææ", 3) == "æ");
    for (std::size_t limit = 0; limit < 12; ++limit) {
        auto const cut = within_bytes("æø😀å", limit);
        CHECK(cut.size() <= limit);
        CHECK(valid_utf8(cut));
    }
}

TEST_CASE("a form becomes a dialog within Mattermost's byte limits", "[adapters][mattermost]") {
    auto s = settings();
    s.dialog_title = "Superbruger ændringsønske";  // 25 characters, 27 bytes
    auto const state = dialog_state("ændringsønske formular", R"({"channel":"c1"})", s.action_secret);
    auto const d = dialog(change_request_form(), state, s);
    CHECK(d["callback_id"] == "sb_form");
    CHECK(d["state"] == state);
    CHECK(d["submit_label"] == "Videre");
    CHECK(d["title"].get<std::string>().size() <= 24);
    CHECK(d["title"] == "Superbruger ændrings…");
    REQUIRE(d["elements"].size() == 3);
    auto const& title = d["elements"][0];
    CHECK(title == json{{"display_name", "Titel"}, {"name", "title"}, {"type", "text"}, {"max_length", 120}});
    auto const& description = d["elements"][1];
    CHECK(description["type"] == "textarea");
    CHECK(description["max_length"] == 2000);
    CHECK(description["default"] == "Det & det <andet>");
    // 24 characters but 25 bytes: the server counts bytes.
    CHECK(description["display_name"] == "Beskrivelse af ændri…");
    CHECK(description["display_name"].get<std::string>().size() <= 24);
    auto const& urgency = d["elements"][2];
    CHECK(urgency["type"] == "select");
    CHECK(urgency["options"] == json::array({{{"text", "Lav"}, {"value", "lav"}}, {{"text", "Høj"}, {"value", "høj"}}}));
    CHECK(urgency["default"] == "høj");
    auto const body = dialog_open_body("trig1", d, s);
    CHECK(body["trigger_id"] == "trig1");
    CHECK(body["url"] == "https://bot.example/mattermost/dialogs");
    CHECK(body["dialog"] == d);
}

TEST_CASE("dialog defaults are cut to the server's limits and unknown select defaults dropped", "[adapters][mattermost]") {
    Form f;
    f.submit_command = "x";
    FormField line{"navn", "Navn", FormField::Kind::line, 0, {}, std::string(149, 'a') + "ø"};  // 151 bytes
    FormField area{"tekst", "Tekst", FormField::Kind::text, 5000, {}, std::string(2999, 'b') + "å"};
    FormField pick{"valg", "Valg", FormField::Kind::choice, 0, {{"a", "A"}}, "z"};
    f.fields = {line, area, pick, {std::string(301, 'n'), "Too long a name", FormField::Kind::line, 0, {}, ""}};
    auto const d = dialog(f, "{}", settings(), "Ret **titlen**");
    CHECK(d["introduction_text"] == "Ret **titlen**");
    REQUIRE(d["elements"].size() == 3);  // a name over 300 bytes is left out
    auto const line_default = d["elements"][0]["default"].get<std::string>();
    CHECK(line_default.size() == 150);
    CHECK(line_default == std::string(147, 'a') + "…");
    CHECK(d["elements"][0]["max_length"] == 150);
    CHECK(d["elements"][1]["max_length"] == 3000);
    auto const area_default = d["elements"][1]["default"].get<std::string>();
    CHECK(area_default.size() <= 3000);
    CHECK(valid_utf8(area_default));
    CHECK_FALSE(d["elements"][2].contains("default"));
}

TEST_CASE("a reply with a form gets a button that opens it", "[adapters][mattermost]") {
    ChatReply r;
    r.text = "Udfyld formularen";
    r.form = change_request_form();
    auto const props = message_props(r, settings());
    auto const& button = props["attachments"][0]["actions"][0];
    CHECK(button["id"] == "sbopenform");
    CHECK(button["name"] == "Udfyld formularen");
    InboundSettings in_settings;
    in_settings.action_secret = "s3cret-context-value";
    json click = {{"user_id", "u1"}, {"channel_id", "c1"}, {"trigger_id", "t1"}, {"context", button["integration"]["context"]}};
    auto const in = parse_action(click.dump(), in_settings);
    REQUIRE(in.kind == Inbound::Kind::open_form);
    CHECK(in.form->submit_command == "ændringsønske formular");
    CHECK(in.form->fields.size() == 3);
}

TEST_CASE("REST bodies for a direct message and a post", "[adapters][mattermost]") {
    CHECK(direct_channel_body("bot1", "user1") == json::array({"bot1", "user1"}));
    auto const post = post_body("chan1", answer(), settings(), "root1");
    CHECK(post["channel_id"] == "chan1");
    CHECK(post["root_id"] == "root1");
    CHECK(post["message"] == message_text(answer()));
    CHECK(post["props"]["attachments"][0]["actions"].size() == 2);
    auto const plain = post_body("chan1", ChatReply{"Hej", {}, {}, {}, true, {}}, settings());
    CHECK_FALSE(plain.contains("root_id"));
    CHECK(plain["props"] == json::object());
}

TEST_CASE("an incoming webhook's body has the text and the buttons at the top level", "[adapters][mattermost]") {
    auto const hook = incoming_webhook_body(answer(), settings());
    CHECK(hook["text"] == message_text(answer()));
    CHECK(hook["attachments"][0]["actions"].size() == 2);
    CHECK_FALSE(hook.contains("props"));
    CHECK_FALSE(hook.contains("channel"));  // the webhook's own channel
    auto const plain = incoming_webhook_body(ChatReply{"Hej", {}, {}, {}, true, {}}, settings());
    CHECK(plain == json{{"text", "Hej"}});
    // Mattermost answers a webhook with a plain "ok".
    CHECK(classify_response(200, "", "", "ok").kind == ApiOutcome::Kind::sent);
}

TEST_CASE("REST answers: sent, retried after the rate limit, refused", "[adapters][mattermost]") {
    auto const sent = classify_response(201, "", "", R"({"id":"post1","channel_id":"chan1","message":"Hej"})");
    CHECK(sent.kind == ApiOutcome::Kind::sent);
    CHECK(sent.id == "post1");
    CHECK(classify_response(200, "", "", R"({"status":"OK"})").kind == ApiOutcome::Kind::sent);
    CHECK(classify_response(200, "", "", "").id.empty());

    auto const limited = classify_response(429, "3", "7", "");
    CHECK(limited.kind == ApiOutcome::Kind::retry);
    CHECK(limited.retry_after == std::chrono::seconds(3));  // Retry-After first
    CHECK(classify_response(429, "", "7", "").retry_after == std::chrono::seconds(7));
    auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    CHECK(classify_response(429, "", "1700000005", "", now).retry_after == std::chrono::seconds(5));
    CHECK(classify_response(429, "", "", "").retry_after == std::chrono::seconds(1));
    CHECK(classify_response(429, "999999", "", "").retry_after == std::chrono::seconds(3600));
    CHECK(classify_response(429, "soon", "", "").retry_after == std::chrono::seconds(1));

    for (unsigned status : {500u, 502u, 503u, 504u}) {
        auto const o = classify_response(status, "", "", "");
        CHECK(o.kind == ApiOutcome::Kind::retry);
        CHECK(o.retry_after == std::chrono::seconds(0));
    }
    CHECK(classify_response(503, "10", "", "").retry_after == std::chrono::seconds(10));

    for (unsigned status : {400u, 401u, 403u, 404u}) CHECK(classify_response(status, "", "", "").kind == ApiOutcome::Kind::refused);
    auto const refused = classify_response(403, "", "", R"({"id":"api.context.permissions.app_error","message":"You do not have the appropriate permissions.","status_code":403})");
    CHECK(refused.error == "HTTP 403 api.context.permissions.app_error: You do not have the appropriate permissions.");
}
