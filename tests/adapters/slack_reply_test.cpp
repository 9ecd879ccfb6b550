// Rendering replies for Slack: Block Kit messages within Slack's limits, the form as a modal,
// the inline answers, and the form packed into its button.
#include "adapters/slack/form_codec.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/message_blocks.hpp"
#include "adapters/slack/reply_address.hpp"
#include "adapters/slack/slack_text.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::slack;
using nlohmann::json;

namespace {

/// Every text Slack limits, checked against its limit; true when all are within.
void check_limits(json const& message) {
    REQUIRE(message["blocks"].is_array());
    CHECK(message["blocks"].size() <= 50);
    CHECK(!message["text"].get<std::string>().empty());
    for (auto const& b : message["blocks"]) {
        if (b["type"] == "section") CHECK(slack_length(b["text"]["text"].get<std::string>()) <= 3000);
        if (b["type"] == "context") {
            for (auto const& e : b["elements"]) CHECK(slack_length(e["text"].get<std::string>()) <= 3000);
        }
        if (b["type"] == "actions") {
            CHECK(b["elements"].size() <= 5);
            for (auto const& e : b["elements"]) {
                CHECK(slack_length(e["text"]["text"].get<std::string>()) <= 75);
                CHECK(slack_length(e["value"].get<std::string>()) <= 2000);
            }
        }
    }
}

bool valid_utf8(std::string const& s) {
    try {
        (void)json(s).dump();
        return true;
    } catch (json::type_error const&) {
        return false;
    }
}

Form change_request_form() {
    Form form;
    form.fields = {{"title", "Titel", FormField::Kind::line, 120, {}, ""},
                   {"description", "Beskrivelse", FormField::Kind::text, 2000, {}, "Det & det <andet>"},
                   {"urgency", "Hast", FormField::Kind::choice, 10, {{"lav", "lav"}, {"middel", "middel"}, {"høj", "høj"}}, "høj"}};
    form.submit_label = "Videre";
    form.submit_command = "ændringsønske formular";
    return form;
}

}  // namespace

TEST_CASE("a short answer is one section, with the source as context and the actions as buttons", "[adapters][slack]") {
    ChatReply reply;
    reply.text = "Rollen **Visitator** giver adgang til:\n- borgeroverblik\n- ydelser & priser <intern>";
    reply.footer = "Læs mere: Vejledning til roller";
    reply.actions = {{"Nyttigt", "feedback op"}, {"Ikke nyttigt", "feedback ned"}};
    auto const messages = reply_messages(reply);
    REQUIRE(messages.size() == 1);
    auto const& m = messages[0];
    check_limits(m);
    REQUIRE(m["blocks"].size() == 3);
    CHECK(m["blocks"][0]["type"] == "section");
    CHECK(m["blocks"][0]["text"]["type"] == "mrkdwn");
    CHECK(m["blocks"][0]["text"]["text"] == "Rollen *Visitator* giver adgang til:\n• borgeroverblik\n• ydelser &amp; priser &lt;intern&gt;");
    CHECK(m["blocks"][1]["type"] == "context");
    CHECK(m["blocks"][1]["elements"][0]["text"] == "Læs mere: Vejledning til roller");
    CHECK(m["blocks"][2]["type"] == "actions");
    CHECK(m["blocks"][2]["elements"][0]["value"] == "feedback op");
    CHECK(m["blocks"][2]["elements"][0]["action_id"] == "sb_action_0");
    CHECK(m["blocks"][2]["elements"][1]["action_id"] == "sb_action_1");
    CHECK(m["text"] == "Rollen *Visitator* giver adgang til:\n• borgeroverblik\n• ydelser &amp; priser &lt;intern&gt;");

    auto const post = post_message_body(m, "D1", "1.2");
    CHECK(post["channel"] == "D1");
    CHECK(post["thread_ts"] == "1.2");
    CHECK(post["blocks"] == m["blocks"]);
    CHECK_FALSE(post_message_body(m, "D1").contains("thread_ts"));
    CHECK(command_response(m)["response_type"] == "ephemeral");
    CHECK(command_response(m, true)["response_type"] == "in_channel");
}

TEST_CASE("citations are the context when there is no footer", "[adapters][slack]") {
    ChatReply reply;
    reply.text = "Svar";
    reply.citations = {{"doc-1", "Roller i Nexus", "Visitation", "seed"}, {"doc-2", "", "", ""}};
    auto const m = reply_messages(reply).at(0);
    CHECK(m["blocks"][1]["elements"][0]["text"] == "Roller i Nexus – Visitation · doc-2");
}

TEST_CASE("a long answer is split into sections of at most 3000 characters at paragraph boundaries", "[adapters][slack]") {
    std::string text;
    for (int i = 0; i < 12; ++i) text += std::string(700, static_cast<char>('a' + i)) + "\n\n";
    ChatReply reply;
    reply.text = text;
    auto const m = reply_messages(reply).at(0);
    check_limits(m);
    auto const& blocks = m["blocks"];
    REQUIRE(blocks.size() == 3);  // 4 + 4 + 4 paragraphs of 700 (+ breaks) per section
    std::string joined;
    for (auto const& b : blocks) joined += b["text"]["text"].get<std::string>() + "\n\n";
    CHECK(joined == text);
}

TEST_CASE("splits never cut a UTF-8 character or an escaped entity", "[adapters][slack]") {
    // 3001 characters of "æ&" alternating, no break anywhere: the cut must fall at a character,
    // and the escaped section must stay within 3000.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += i % 2 == 0 ? "æ" : "&";
    ChatReply reply;
    reply.text = text;
    auto const m = reply_messages(reply).at(0);
    check_limits(m);
    std::string unescaped;
    for (auto const& b : m["blocks"]) {
        auto const s = b["text"]["text"].get<std::string>();
        CHECK(valid_utf8(s));
        bool const entity_whole = s.find("&amp") == std::string::npos || s.rfind('&') + 5 <= s.size();
        CHECK(entity_whole);
        unescaped += mrkdwn_to_text(s);
    }
    CHECK(unescaped == text);
    // Emoji (4 bytes, 2 UTF-16 units) are whole.
    std::string emoji;
    for (int i = 0; i < 2000; ++i) emoji += "😀";
    reply.text = emoji;
    for (auto const& b : reply_messages(reply).at(0)["blocks"]) CHECK(valid_utf8(b["text"]["text"].get<std::string>()));
}

TEST_CASE("an answer past 50 blocks continues in a further message, with the tail on the last", "[adapters][slack]") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += std::string(2990, 'x') + "\n\n";
    ChatReply reply;
    reply.text = text;
    reply.footer = "Læs mere: x";
    reply.actions = {{"A", "a"}};
    auto const messages = reply_messages(reply);
    REQUIRE(messages.size() == 2);
    for (auto const& m : messages) check_limits(m);
    std::size_t sections = 0;
    for (auto const& m : messages) {
        for (auto const& b : m["blocks"]) sections += b["type"] == "section" ? 1 : 0;
    }
    CHECK(sections == 60);
    CHECK(messages[0]["blocks"].back()["type"] == "section");
    CHECK(messages[1]["blocks"].back()["type"] == "actions");
}

TEST_CASE("buttons are shortened, grouped by five, capped, and a too long value is left out", "[adapters][slack]") {
    ChatReply reply;
    reply.text = "Vælg";
    std::string long_label;
    for (int i = 0; i < 100; ++i) long_label += "ø";
    for (int i = 0; i < 30; ++i) reply.actions.push_back({"Knap " + std::to_string(i) + long_label, "cmd " + std::to_string(i)});
    reply.actions[3].value = std::string(2001, 'v');
    auto const m = reply_messages(reply).at(0);
    check_limits(m);
    std::size_t buttons = 0;
    for (auto const& b : m["blocks"]) {
        if (b["type"] != "actions") continue;
        for (auto const& e : b["elements"]) {
            ++buttons;
            CHECK(e["value"] != std::string(2001, 'v'));
            CHECK(valid_utf8(e["text"]["text"].get<std::string>()));
        }
    }
    CHECK(buttons == 25);
    CHECK(m["blocks"][1]["elements"][0]["text"]["text"].get<std::string>().ends_with("…"));
}

TEST_CASE("an empty reply is still a valid message", "[adapters][slack]") {
    auto const m = reply_messages(ChatReply{}).at(0);
    CHECK(m["text"] == " ");
    CHECK(m["blocks"].empty());
    ChatReply only_footer;
    only_footer.footer = "Kilde: x";
    CHECK(reply_messages(only_footer).at(0)["text"] == "Kilde: x");
}

TEST_CASE("a reply with a form gets a button that carries the form", "[adapters][slack]") {
    ChatReply reply;
    reply.text = "Hvad er titlen?";
    reply.form = change_request_form();
    auto const m = reply_messages(reply).at(0);
    check_limits(m);
    auto const& button = m["blocks"].back()["elements"][0];
    CHECK(button["action_id"] == "sb_open_form");
    CHECK(button["style"] == "primary");
    CHECK(button["text"]["text"] == "Udfyld formularen");
    auto const form = decode_form(button["value"].get<std::string>());
    REQUIRE(form);
    CHECK(form->fields.size() == 3);
    CHECK(form->fields[1].value == "Det & det <andet>");
}

TEST_CASE("a form too large for a button drops its pre-filled values, then the button", "[adapters][slack]") {
    auto form = change_request_form();
    form.fields[1].value = std::string(1900, 'x');
    auto const packed = encode_form(form);
    REQUIRE(!packed.empty());
    CHECK(slack_length(packed) <= 2000);
    auto const back = decode_form(packed);
    REQUIRE(back);
    CHECK(back->fields[1].value.empty());
    CHECK(back->fields[2].value == "høj");  // the short one is kept
    for (int i = 0; i < 40; ++i) form.fields.push_back({"f" + std::to_string(i), std::string(60, 'l'), FormField::Kind::line, 10, {}, ""});
    CHECK(encode_form(form).empty());
    ChatReply reply;
    reply.text = "x";
    reply.form = form;
    CHECK(reply_messages(reply).at(0)["blocks"].size() == 1);  // no button; the dialog asks field by field
    CHECK_FALSE(decode_form("{}"));
    CHECK_FALSE(decode_form(R"({"f":[{"i":""}],"c":"x"})"));
    CHECK_FALSE(decode_form(R"({"f":[],"c":""})"));
}

TEST_CASE("a form becomes a modal with inputs named by the field ids", "[adapters][slack]") {
    auto const metadata = form_metadata("ændringsønske formular", format_reply_address({"D1", "", "", "", "U1", "T1"}));
    auto const view = modal_view(change_request_form(), metadata);
    CHECK(view["type"] == "modal");
    CHECK(view["callback_id"] == "sb_form");
    CHECK(view["private_metadata"] == metadata);
    CHECK(view["submit"]["text"] == "Videre");
    CHECK(slack_length(view["title"]["text"].get<std::string>()) <= 24);
    auto const& blocks = view["blocks"];
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0]["type"] == "input");
    CHECK(blocks[0]["block_id"] == "title");
    CHECK(blocks[0]["element"]["type"] == "plain_text_input");
    CHECK(blocks[0]["element"]["action_id"] == "title");
    CHECK(blocks[0]["element"]["multiline"] == false);
    CHECK(blocks[0]["element"]["max_length"] == 120);
    CHECK_FALSE(blocks[0]["element"].contains("initial_value"));
    CHECK(blocks[1]["element"]["multiline"] == true);
    CHECK(blocks[1]["element"]["initial_value"] == "Det & det <andet>");  // plain_text: not escaped
    CHECK(blocks[2]["element"]["type"] == "static_select");
    CHECK(blocks[2]["element"]["options"].size() == 3);
    CHECK(blocks[2]["element"]["initial_option"]["value"] == "høj");
    CHECK(blocks[2]["element"]["initial_option"] == blocks[2]["element"]["options"][2]);

    auto const open = views_open_body("trig", view);
    CHECK(open["trigger_id"] == "trig");
    CHECK(open["view"] == view);
}

TEST_CASE("modal limits: titles of 24, initial values within max_length, bad options left out", "[adapters][slack]") {
    Form form;
    form.fields = {{"a", std::string(2100, 'l'), FormField::Kind::line, 5, {}, "abcdefgh"},
                   {"b", "Valg", FormField::Kind::choice, 0, {{std::string(151, 'v'), "for lang"}, {"ok", std::string(80, 't')}}, "ok"},
                   {"c", "Tomt valg", FormField::Kind::choice, 0, {}, ""}};
    form.submit_label = "Gem punktet med en meget lang tekst";
    RenderSettings settings;
    settings.modal_title = "Gennemgang af release 2026.4";
    auto const view = modal_view(form, "{}", settings);
    CHECK(slack_length(view["title"]["text"].get<std::string>()) <= 24);
    CHECK(slack_length(view["submit"]["text"].get<std::string>()) <= 24);
    auto const& blocks = view["blocks"];
    CHECK(slack_length(blocks[0]["label"]["text"].get<std::string>()) <= 2000);
    CHECK(slack_length(blocks[0]["element"]["initial_value"].get<std::string>()) <= 5);
    CHECK(blocks[1]["element"]["options"].size() == 1);
    CHECK(slack_length(blocks[1]["element"]["options"][0]["text"]["text"].get<std::string>()) <= 75);
    CHECK(blocks[1]["element"]["initial_option"]["value"] == "ok");
    CHECK(blocks[2]["element"]["type"] == "plain_text_input");  // a choice without choices is typed
}

TEST_CASE("a modal shown again carries the answer's text above its fields", "[adapters][slack]") {
    auto const view = modal_view(change_request_form(), "{}", {}, "Ret venligst:\n- **Titel** mangler");
    auto const& blocks = view["blocks"];
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0]["type"] == "section");
    CHECK(blocks[0]["text"]["type"] == "mrkdwn");
    CHECK_THAT(blocks[0]["text"]["text"].get<std::string>(), Catch::Contains("*Titel*") && !Catch::Contains("**"));
    CHECK(blocks[1]["block_id"] == "title");

    // The fields always fit: the intro gets what is left of Slack's 100 blocks.
    Form many;
    for (int i = 0; i < 99; ++i) many.fields.push_back({"f" + std::to_string(i), "Felt", FormField::Kind::line, 0, {}, ""});
    std::string long_intro;
    for (int i = 0; i < 5; ++i) long_intro += std::string(2900, 'x') + "\n\n";
    auto const crowded = modal_view(many, "{}", {}, long_intro);
    CHECK(crowded["blocks"].size() == 100);
    CHECK(crowded["blocks"][99]["block_id"] == "f98");

    auto const update = view_update_response(view);
    CHECK(update["response_action"] == "update");
    CHECK(update["view"] == view);
}

TEST_CASE("view_submission answers: field errors and clear", "[adapters][slack]") {
    auto const errors = view_errors_response({{"title", "Skriv en titel"}, {"urgency", "Vælg lav, middel eller høj"}});
    CHECK(errors == json{{"response_action", "errors"}, {"errors", {{"title", "Skriv en titel"}, {"urgency", "Vælg lav, middel eller høj"}}}});
    CHECK(view_clear_response() == json{{"response_action", "clear"}});
    CHECK(conversations_open_body("U1") == json{{"users", "U1"}});
}

TEST_CASE("Markdown-light becomes mrkdwn and shortening respects characters", "[adapters][slack]") {
    CHECK(markdown_light_to_mrkdwn("**fed** og - ikke punkt\n- punkt") == "*fed* og - ikke punkt\n• punkt");
    CHECK(escape_mrkdwn("a&b<c>d") == "a&amp;b&lt;c&gt;d");
    CHECK(shortened("æøå", 3) == "æøå");
    CHECK(shortened("æøåæ", 3) == "æø…");
    CHECK(shortened("😀😀", 3) == "😀…");
    CHECK(shortened("abc", 0).empty());
    CHECK(slack_length("😀a") == 3);
    CHECK(split_point("ab cd", 4) == 3);
    CHECK(split_point("a&b", 3) == 1);  // "&" would cost 5
    CHECK(split_point("&", 2) == 1);    // at least one character, always
}
