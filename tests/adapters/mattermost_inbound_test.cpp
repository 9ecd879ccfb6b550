// Reading Mattermost's requests: outgoing webhooks in both encodings (the timestamp units differ),
// slash commands, button clicks with and without the bot's secret, and dialog submissions.
#include "adapters/error.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/reply_address.hpp"
#include "adapters/percent_encoding.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

using namespace superbruger::adapters;
using namespace superbruger::adapters::mattermost;
using nlohmann::json;

namespace {

std::string sample(std::string const& name) { return superbruger::tests::protocol_sample(name); }

/// The body of a published .http sample as it goes on the wire: the docs break form bodies after
/// each "&" for display (see the samples' README), so those line breaks go.
std::string wire_body(std::string const& http) {
    auto const at = http.find("\n\n");
    REQUIRE(at != std::string::npos);
    std::string body;
    for (char c : http.substr(at + 2)) {
        if (c != '\n' && c != '\r') body += c;
    }
    return body;
}

constexpr char const* form = "application/x-www-form-urlencoded";
constexpr char const* json_type = "application/json; charset=utf-8";
constexpr char const* secret = "s3cret-context-value";

InboundSettings with_secret() {
    InboundSettings s;
    s.action_secret = secret;
    return s;
}

void check_refused(std::function<void()> const& call, AdapterError::Kind kind) {
    try {
        call();
        FAIL("no AdapterError");
    } catch (AdapterError const& e) {
        CHECK(e.kind() == kind);
    }
}

}  // namespace

TEST_CASE("the docs' outgoing webhook is read from its form body, timestamp in seconds", "[adapters][mattermost]") {
    auto const in = parse_outgoing_webhook(form, wire_body(sample("mattermost-outgoing-webhook-request.http")));
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::outgoing_webhook);
    CHECK(in.message.platform == "mattermost");
    CHECK(in.message.message_id == "axdygg1957njfe5pu38saikdho");
    CHECK(in.message.sender.user_id == "rnina9994bde8mua79zqcg5hmo");
    CHECK(in.message.sender.display_name == "somename");
    CHECK(in.message.sender.tenant_id == "kwoknj9nwpypzgzy78wkw516qe");
    // "some text here" fired by the trigger word "some": the word goes.
    CHECK(in.message.text == "text here");
    CHECK(in.trigger_word == "some");
    CHECK(in.token == "zmigewsanbbsdf59xnmduzypjc");
    CHECK(in.timestamp == std::chrono::milliseconds(1445532266000));
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel_id == "hawos4dqtby53pd64o4a4cmeoo");
    CHECK(to.root_id == "axdygg1957njfe5pu38saikdho");
    CHECK(to.user_id == "rnina9994bde8mua79zqcg5hmo");
    CHECK(to.team_id == "kwoknj9nwpypzgzy78wkw516qe");
}

TEST_CASE("an outgoing webhook in JSON carries its timestamp in milliseconds", "[adapters][mattermost]") {
    auto const in = parse_outgoing_webhook(json_type, sample("mattermost/outgoing-webhook.json"));
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.timestamp == std::chrono::milliseconds(1445532266123));
    CHECK(in.message.text == "text here");
    CHECK(in.message.message_id == "axdygg1957njfe5pu38saikdho");
    CHECK(in.token == "zmigewsanbbsdf59xnmduzypjc");
    // The same post in both encodings is the same instant, to the second.
    auto const as_form = parse_outgoing_webhook(form, wire_body(sample("mattermost-outgoing-webhook-request.http")));
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(in.timestamp) == std::chrono::duration_cast<std::chrono::seconds>(as_form.timestamp));
    // parse_request tells the two apart by content type.
    CHECK(parse_request(json_type, sample("mattermost/outgoing-webhook.json"), {}).timestamp == std::chrono::milliseconds(1445532266123));
}

TEST_CASE("the trigger word goes only as a whole first word, then a leading mention of the bot", "[adapters][mattermost]") {
    InboundSettings s;
    s.bot_username = "superbruger";
    auto const text_of = [&](std::string const& text, std::string const& trigger) {
        auto const body = "user_id=u1&channel_id=c1&post_id=p1&text=" + percent_encode(text) + "&trigger_word=" + percent_encode(trigger);
        return parse_outgoing_webhook(form, body, s).message.text;
    };
    CHECK(text_of("hjælp hvad er Visitator?", "hjælp") == "hvad er Visitator?");
    CHECK(text_of("hjælpsom kollega", "hjælp") == "hjælpsom kollega");
    CHECK(text_of("@superbruger: hvad er Visitator?", "@superbruger") == "hvad er Visitator?");
    CHECK(text_of("@SuperBruger, hvad er Visitator?", "") == "hvad er Visitator?");
    CHECK(text_of("@superbrugeren er væk", "") == "@superbrugeren er væk");
    CHECK(text_of("sb @superbruger  hvad?", "sb") == "hvad?");
    // Nothing left to ask: acknowledged, not answered.
    auto const empty = parse_outgoing_webhook(form, "user_id=u1&channel_id=c1&text=sb&trigger_word=sb", s);
    CHECK(empty.kind == Inbound::Kind::ignored);
}

TEST_CASE("the bot's own posts and webhooks without a user or channel", "[adapters][mattermost]") {
    InboundSettings s;
    s.bot_user_id = "botid";
    CHECK(parse_outgoing_webhook(form, "user_id=botid&channel_id=c1&text=hej", s).kind == Inbound::Kind::ignored);
    check_refused([] { parse_outgoing_webhook(form, "channel_id=c1&text=hej"); }, AdapterError::Kind::bad_request);
    check_refused([] { parse_outgoing_webhook(form, "user_id=u1&text=hej"); }, AdapterError::Kind::bad_request);
    check_refused([] { parse_outgoing_webhook(json_type, "[1,2]"); }, AdapterError::Kind::bad_request);
    check_refused([] { parse_outgoing_webhook(json_type, "{\"user_id\":"); }, AdapterError::Kind::bad_request);
    // Hostile types are ignored rather than trusted: a numeric user_id is no user.
    check_refused([] { parse_outgoing_webhook(json_type, R"({"user_id":5,"channel_id":"c1","text":"x"})"); }, AdapterError::Kind::bad_request);
    // A timestamp that is no number is no timestamp, not a reason to refuse the post.
    CHECK(parse_outgoing_webhook(form, "user_id=u1&channel_id=c1&text=hej&timestamp=-5").timestamp == std::chrono::milliseconds(0));
    CHECK(parse_outgoing_webhook(json_type, R"({"user_id":"u1","channel_id":"c1","text":"x","timestamp":"1445532266"})").timestamp ==
          std::chrono::milliseconds(0));
}

TEST_CASE("the docs' slash command is read with its trigger_id and response_url", "[adapters][mattermost]") {
    auto const body = wire_body(sample("mattermost-slash-command-request.http"));
    auto const in = parse_slash_command(form, body);
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::slash_command);
    CHECK(in.command == "/weather");
    CHECK(in.message.text == "toronto week");
    CHECK(in.message.sender.user_id == "erj6qck3rfgtujs86w5r6rckzh");
    CHECK(in.message.sender.display_name == "alan");
    CHECK(in.message.sender.tenant_id == "wx4zz8t4ttgmtxqiwfohijayzc");
    CHECK(in.token == "qzgakf1nx3yt9dr4n8585ihbxy");
    auto const trigger = "ZWZ5ZjRndzR4YmJxOHJlZWh4MXpkaHozbnI6ZXJqNnFjazNyZmd0dWpzODZ3NXI2cmNremg6MTY2MjA0MTY5Njg5NjpNRVFDSUQ5cTZ3MkRHU1RaNjhy"
                         "aDh1TGl1STlSVHh2R1czSXZ5aGVRYjhkWThuZnlBaUI2YnlPR2ZpWlczR1FmVkdIODlreEp4MmlVT0UxMm9LMjlkZ1d0RC8xbjZRPT0=";
    CHECK(in.message.message_id == trigger);
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel_id == "fukxanjgjbnp7ng383at53k1sy");
    CHECK(to.response_url == "http://localhost:8066/hooks/commands/i11f6nnfgfyk8eg56x9omc6dpa");
    CHECK(to.trigger_id == trigger);
    CHECK(to.root_id.empty());
    // One URL for everything: a form with `command` is a command.
    CHECK(parse_request(form, body, {}).source == Inbound::Source::slash_command);
    CHECK(parse_request(form, wire_body(sample("mattermost-outgoing-webhook-request.http")), {}).source == Inbound::Source::outgoing_webhook);
    check_refused([] { parse_slash_command(form, "user_id=u1&channel_id=c1&text=x"); }, AdapterError::Kind::bad_request);
    // An empty command text is still a question: the bot may answer with its help.
    CHECK(parse_slash_command(form, "user_id=u1&channel_id=c1&command=%2Fsb").kind == Inbound::Kind::message);
}

TEST_CASE("a click on our button runs the command its context carries", "[adapters][mattermost]") {
    auto const in = parse_action(sample("mattermost/button-click.json"), with_secret());
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::action);
    CHECK(in.message.text == "rolle Visitator");
    CHECK(in.message.sender.user_id == "rd49ehbqyjytddasoownkuqrxe");
    CHECK(in.message.sender.display_name == "alan");
    CHECK(in.message.sender.tenant_id == "5xxzt146eax4tul69409opqjlf");
    CHECK(in.message.message_id.starts_with("c3p4eXc5"));
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel_id == "j6j53p28k6urx15fpcgsr20psq");
    CHECK(to.trigger_id == in.message.message_id);
    CHECK(parse_request(json_type, sample("mattermost/button-click.json"), with_secret()).source == Inbound::Source::action);
    // What action_context builds is what the click brings back.
    auto body = json::parse(sample("mattermost/button-click.json"));
    body["context"] = action_context("næste side", secret);
    CHECK(parse_action(body.dump(), with_secret()).message.text == "næste side");
}

TEST_CASE("a click without the bot's secret is refused", "[adapters][mattermost]") {
    // The docs' own click carries {"action": "do_something"}: nothing the bot put there.
    auto const published = sample("mattermost-interactive-action-request.json");
    check_refused([&] { parse_action(published, with_secret()); }, AdapterError::Kind::unauthenticated);
    auto body = json::parse(sample("mattermost/button-click.json"));
    body["context"]["sb_secret"] = "s3cret-context-valuX";  // same length, last byte differs
    check_refused([&] { parse_action(body.dump(), with_secret()); }, AdapterError::Kind::unauthenticated);
    body["context"]["sb_secret"] = "s3cret";
    check_refused([&] { parse_action(body.dump(), with_secret()); }, AdapterError::Kind::unauthenticated);
    body["context"].erase("sb_secret");
    check_refused([&] { parse_action(body.dump(), with_secret()); }, AdapterError::Kind::unauthenticated);
    // No secret configured: even a click with an empty secret in its context is refused.
    body["context"]["sb_secret"] = "";
    check_refused([&] { parse_action(body.dump(), {}); }, AdapterError::Kind::unauthenticated);
    check_refused([&] { parse_action(sample("mattermost/button-click.json"), {}); }, AdapterError::Kind::unauthenticated);
    // Unreadable clicks are bad requests before any secret is looked at.
    check_refused([&] { parse_action(R"({"user_id":"u1"})", with_secret()); }, AdapterError::Kind::bad_request);
    check_refused([&] { parse_action("nope", with_secret()); }, AdapterError::Kind::bad_request);
}

TEST_CASE("a click on the form button opens the form its context carries", "[adapters][mattermost]") {
    Form f;
    f.fields = {{"title", "Titel", FormField::Kind::line, 120, {}, ""},
                {"urgency", "Hast", FormField::Kind::choice, 0, {{"lav", "Lav"}, {"høj", "Høj"}}, "høj"}};
    f.submit_label = "Videre";
    f.submit_command = "ændringsønske formular";
    auto body = json::parse(sample("mattermost/button-click.json"));
    body["context"] = open_form_context(f, secret);
    auto const in = parse_action(body.dump(), with_secret());
    REQUIRE(in.kind == Inbound::Kind::open_form);
    REQUIRE(in.form);
    CHECK(in.form->submit_command == "ændringsønske formular");
    REQUIRE(in.form->fields.size() == 2);
    CHECK(in.form->fields[0].max_chars == 120);
    CHECK(in.form->fields[1].kind == FormField::Kind::choice);
    CHECK(in.form->fields[1].choices[1].second == "Høj");
    CHECK(in.form->fields[1].value == "høj");
    CHECK(parse_reply_address(in.message.reply_address).trigger_id == body["trigger_id"].get<std::string>());
    body["context"]["sb_form"] = {{"fields", "none"}};
    CHECK(parse_action(body.dump(), with_secret()).kind == Inbound::Kind::ignored);
}

TEST_CASE("a dialog submission is the state's command with the fields as form values", "[adapters][mattermost]") {
    auto const in = parse_dialog_submission(sample("mattermost/dialog-submission.json"), with_secret());
    REQUIRE(in.kind == Inbound::Kind::message);
    CHECK(in.source == Inbound::Source::dialog_submission);
    CHECK(in.message.text == "ændringsønske formular");
    CHECK(in.message.sender.user_id == "erj6qck3rfgtujs86w5r6rckzh");
    CHECK(in.message.sender.tenant_id == "wx4zz8t4ttgmtxqiwfohijayzc");
    CHECK(in.message.form_values.at("title") == "Ny rolle til hjemmeplejen");
    CHECK(in.message.form_values.at("urgency") == "høj");
    CHECK(in.message.form_values.at("notify") == "true");
    CHECK(in.message.form_values.size() == 4);
    auto const to = parse_reply_address(in.message.reply_address);
    CHECK(to.channel_id == "fukxanjgjbnp7ng383at53k1sy");
    CHECK(to.user_id == "erj6qck3rfgtujs86w5r6rckzh");
    CHECK(parse_request(json_type, sample("mattermost/dialog-submission.json"), with_secret()).source == Inbound::Source::dialog_submission);
    // dialog_state builds what the sample carries.
    auto const state = json::parse(dialog_state("ændringsønske formular", R"({"channel":"c9"})", secret));
    CHECK(state == json{{"command", "ændringsønske formular"}, {"to", R"({"channel":"c9"})"}, {"secret", secret}});
}

TEST_CASE("dialog submissions: the secret, cancellations, other dialogs, broken state", "[adapters][mattermost]") {
    auto const base = json::parse(sample("mattermost/dialog-submission.json"));
    auto with = [&](auto&& change) {
        auto body = base;
        change(body);
        return body.dump();
    };
    auto const forged = with([](json& b) { b["state"] = dialog_state("slet alt", R"({"channel":"c1"})", "guess"); });
    check_refused([&] { parse_dialog_submission(forged, with_secret()); }, AdapterError::Kind::unauthenticated);
    check_refused([&] { parse_dialog_submission(base.dump(), {}); }, AdapterError::Kind::unauthenticated);
    CHECK(parse_dialog_submission(with([](json& b) { b["cancelled"] = true; }), with_secret()).kind == Inbound::Kind::ignored);
    CHECK(parse_dialog_submission(with([](json& b) { b["callback_id"] = "jira"; }), with_secret()).kind == Inbound::Kind::ignored);
    CHECK(parse_dialog_submission(with([](json& b) { b["type"] = "refresh"; }), with_secret()).kind == Inbound::Kind::ignored);
    check_refused([&] { parse_dialog_submission(with([](json& b) { b["state"] = "step_1"; }), with_secret()); }, AdapterError::Kind::bad_request);
    check_refused([&] { parse_dialog_submission(with([](json& b) { b.erase("user_id"); }), with_secret()); }, AdapterError::Kind::bad_request);
    auto const bad_address = with([](json& b) { b["state"] = dialog_state("x", "not json", secret); });
    check_refused([&] { parse_dialog_submission(bad_address, with_secret()); }, AdapterError::Kind::bad_request);
}

TEST_CASE("reply addresses survive a round trip and refuse what they did not write", "[adapters][mattermost]") {
    ReplyAddress a;
    a.channel_id = "c1";
    a.root_id = "p1";
    a.response_url = "https://mm/hooks/commands/x";
    a.trigger_id = "t1";
    a.user_id = "u1";
    a.team_id = "team";
    auto const b = parse_reply_address(format_reply_address(a));
    CHECK(b.channel_id == "c1");
    CHECK(b.root_id == "p1");
    CHECK(b.response_url == "https://mm/hooks/commands/x");
    CHECK(b.trigger_id == "t1");
    CHECK(b.user_id == "u1");
    CHECK(b.team_id == "team");
    CHECK(format_reply_address(ReplyAddress{"c1", {}, {}, {}, {}, {}}) == R"({"channel":"c1"})");
    check_refused([] { parse_reply_address("{}"); }, AdapterError::Kind::bad_request);
    check_refused([] { parse_reply_address(R"({"channel":5})"); }, AdapterError::Kind::bad_request);
    check_refused([] { parse_reply_address("[]"); }, AdapterError::Kind::bad_request);
}
