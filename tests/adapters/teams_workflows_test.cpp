// Posting into a Teams channel through Workflows: the envelope Microsoft documents, no submit
// actions (such a card cannot send them anywhere), the 28 KB limit, and what each answer means.
#include "adapters/teams_webhook/workflows_post.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace superbruger::adapters;
using namespace superbruger::adapters::teams_webhook;
using nlohmann::json;

namespace {
ChatReply announcement() {
    ChatReply r;
    r.text = "DUBU 3.5 er på vej.\n\nNæstved skal gennemgå den senest 2027-01-25.";
    r.footer = "Kilde: release-registret";
    r.actions.push_back({"Gennemgå", "gennemgå DUBU 3.5"});
    return r;
}

std::string all_text(json const& card) {
    std::string out;
    for (auto const& b : card["body"]) out += b.value("text", "") + "\n";
    return out;
}
}  // namespace

TEST_CASE("a Workflows post is a message with one Adaptive Card attachment, as Microsoft's sample", "[adapters][teams_webhook][workflows]") {
    auto const body = json::parse(workflows_post_body(announcement()));
    CHECK(body["type"] == "message");
    REQUIRE(body["attachments"].size() == 1);
    auto const& a = body["attachments"][0];
    CHECK(a["contentType"] == "application/vnd.microsoft.card.adaptive");
    CHECK(a.contains("contentUrl"));
    CHECK(a["contentUrl"].is_null());
    auto const& card = a["content"];
    CHECK(card["type"] == "AdaptiveCard");
    CHECK_THAT(all_text(card), Catch::Contains("DUBU 3.5 er på vej") && Catch::Contains("Kilde: release-registret"));
    // No Action.Submit: nobody would receive it. The button is written out as what to type.
    CHECK_FALSE(card.contains("actions"));
    CHECK_THAT(all_text(card), Catch::Contains("»gennemgå DUBU 3.5«"));
}

TEST_CASE("a form is left out of a Workflows post", "[adapters][teams_webhook][workflows]") {
    auto reply = announcement();
    reply.form = Form{};
    reply.form->submit_label = "Send";
    reply.form->submit_command = "send";
    FormField effect;
    effect.id = "effect";
    effect.label = "Effekt";
    reply.form->fields.push_back(effect);
    auto const card = json::parse(workflows_post_body(reply))["attachments"][0]["content"];
    CHECK_FALSE(card.contains("actions"));
    for (auto const& b : card["body"]) CHECK(b["type"] == "TextBlock");
}

TEST_CASE("a Workflows post keeps under the size limit however long the text is", "[adapters][teams_webhook][workflows]") {
    auto reply = announcement();
    std::string long_text;
    for (int i = 0; i < 4000; ++i) long_text += "Ændring nummer " + std::to_string(i) + " i sagsoversigten. ";
    reply.text = long_text;
    auto const posted = workflows_post_body(reply);
    auto const body = json::parse(posted);
    CHECK(posted.size() <= max_post_bytes);
    auto const text = all_text(body["attachments"][0]["content"]);
    CHECK_THAT(text, Catch::StartsWith("Ændring nummer 0") && Catch::Contains("…") && Catch::Contains("»gennemgå DUBU 3.5«"));
    // A tight limit still ends, with what fits.
    auto const tiny_text = workflows_post_body(reply, 600);
    auto const tiny = json::parse(tiny_text);
    CHECK(tiny_text.size() <= 600);
    CHECK(tiny["type"] == "message");
}

TEST_CASE("what a Workflows or connector answer means", "[adapters][teams_webhook][workflows]") {
    using K = PostOutcome::Kind;
    CHECK(classify_post_response(202, "").kind == K::sent);  // Workflows
    CHECK(classify_post_response(200, "1").kind == K::sent);  // a connector
    // A connector says it was throttled in a 200.
    auto const throttled = classify_post_response(200, "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429");
    CHECK(throttled.kind == K::retry);
    CHECK(throttled.retry_after.count() == 30);
    CHECK(classify_post_response(200, "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413").kind == K::refused);
    CHECK(classify_post_response(429, "").kind == K::retry);
    CHECK(classify_post_response(408, "").kind == K::retry);
    CHECK(classify_post_response(502, "Bad gateway").kind == K::retry);
    auto const gone = classify_post_response(404, R"({"error":{"code":"WorkflowNotFound"}})");
    CHECK(gone.kind == K::refused);
    CHECK_THAT(gone.error, Catch::Contains("404") && Catch::Contains("WorkflowNotFound"));
    CHECK(classify_post_response(400, "Summary or Text is required.").kind == K::refused);
    CHECK(classify_post_response(401, "").kind == K::refused);
    // The error quotes only the start of a long body.
    CHECK(classify_post_response(500, std::string(5000, 'x')).error.size() < 400);
}
