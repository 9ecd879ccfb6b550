// ChatNetwork on Slack: the Web API stand-in, `superbot serve` posting to it, and each member's
// Slack user id derived from their handle. Everything goes in as Slack sends it, signed: DMs as
// Events API message.im, a form as the button click (block_actions), the modal the bot opened
// (views.open) and its view_submission.
#include "tests/support/chat_network.hpp"

#include "adapters/percent_encoding.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/slack_standin.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <thread>

namespace superbruger::tests {

namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string user_of(Member const& m) {
    std::string id = "U";
    for (char c : m.handle) id += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
}
std::string dm_of(Member const& m) { return "D" + user_of(m); }  // the stand-in's conversations.open: D + user id
// The network shares one workspace, so its team id names no municipality: people are linked by
// their user id alone.
std::string no_tenant(Member const&) { return {}; }

/// What a person sees of one posted message: its sections, context and button labels.
std::string text_of(SlackCall const& post) {
    auto const& blocks = post.args.contains("blocks") ? post.args["blocks"] : json::array();
    if (!blocks.is_array() || blocks.empty()) return post.args.value("text", "");
    std::string out;
    for (auto const& block : blocks) {
        if (block.contains("text") && block["text"].is_object()) out += block["text"].value("text", "") + "\n";
        for (auto const& element : block.value("elements", json::array())) {
            if (element.contains("text") && element["text"].is_object()) out += element["text"].value("text", "") + "\n";
            else if (element.contains("text") && element["text"].is_string()) out += element["text"].get<std::string>() + "\n";
        }
    }
    return out;
}

class SlackNetwork final : public ChatNetwork {
public:
    SlackNetwork(std::string const& name, std::vector<Member> const& members) : port_(free_port()) {
        ::setenv("SB_TEST_SLACK_BOT_TOKEN", SlackStandIn::bot_token, 1);
        ::setenv("SB_TEST_SLACK_SIGNING_SECRET", SlackStandIn::signing_secret, 1);
        auto const base = name + "-slack-" + std::to_string(port_);
        database_ = (work_dir() / (base + ".sqlite")).string();
        auto const csv = write_config(base + ".csv", directory_csv(members, "slack", no_tenant, user_of));
        auto const cfg = write_config(base + ".json", json{
            {"server", {{"port", port_}}},
            {"storage", {{"database", database_}}},
            {"outbox", {{"poll_interval_seconds", 1}}},
            {"slack", {{"enabled", true},
                       {"bot_token_env", "SB_TEST_SLACK_BOT_TOKEN"},
                       {"signing_secret_env", "SB_TEST_SLACK_SIGNING_SECRET"},
                       {"api_base_url", slack_.api_url()},
                       {"max_retry_wait_seconds", 5}}}}.dump());
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid_ = start_serve(cfg, port_, work_dir() / (base + ".log"));
    }
    ~SlackNetwork() override { stop_serve(pid_); }

    std::string const& platform() const override { return platform_; }

    std::string say(Member const& who, std::string const& text) override {
        auto const before = posts_to(who).size();
        auto const body = slack_dm_event("Ev" + std::to_string(++sent_), text, user_of(who)).dump();
        auto const res = http_request(port_, boost::beast::http::verb::post, "/api/slack/events", body, "application/json",
                                      slack_signed_headers(body));
        REQUIRE(res.result_int() == 200);
        return text_of(next_post_to(who, before));
    }

    std::string submit_form(Member const& who, std::map<std::string, std::string> const& values) override {
        // A modal the bot kept open (its answer to the last submission was another form) is
        // filled in again; otherwise the form is opened from the latest message's button.
        auto const open = open_views_.find(who.handle);
        json view = open == open_views_.end() ? open_from_button(who) : open->second;
        open_views_.erase(who.handle);
        auto const trigger = "trigger-" + std::to_string(++sent_);
        return submit(who, view, trigger, values);
    }

private:
    /// Clicks the form button of the latest message to `who`; returns the modal the bot opened.
    json open_from_button(Member const& who) {
        auto const posts = posts_to(who);
        REQUIRE_FALSE(posts.empty());
        json button;
        for (auto const& block : posts.back().args.value("blocks", json::array())) {
            for (auto const& element : block.value("elements", json::array())) {
                if (element.value("action_id", "") == "sb_open_form") button = element;
            }
        }
        INFO("the latest message to " << who.handle << ": " << posts.back().body);
        REQUIRE(button.is_object());

        // The click: Slack sends block_actions with a trigger_id, and the bot opens the modal.
        auto const trigger = "trigger-" + std::to_string(++sent_);
        json const click = {
            {"type", "block_actions"},
            {"team", {{"id", SlackStandIn::team_id}}},
            {"user", {{"id", user_of(who)}, {"name", who.handle}, {"team_id", SlackStandIn::team_id}}},
            {"api_app_id", "ASTANDIN"},
            {"trigger_id", trigger},
            {"container", {{"type", "message"}, {"channel_id", dm_of(who)}, {"message_ts", posts.back().args.value("ts", "1.1")}}},
            {"channel", {{"id", dm_of(who)}}},
            {"response_url", "https://hooks.slack.com/actions/T/1/x"},
            {"actions", json::array({{{"action_id", "sb_open_form"}, {"block_id", "actions"}, {"type", "button"},
                                      {"value", button.value("value", "")}, {"action_ts", "1700000001.1"}}})}};
        auto const views_before = slack_.calls("views.open").size();
        REQUIRE(interact(click).result_int() == 200);
        REQUIRE(slack_.wait_for("views.open", views_before + 1));
        auto const opened = slack_.calls("views.open").at(views_before);
        CHECK(opened.args.value("trigger_id", "") == trigger);
        return opened.args["view"];
    }

    std::string submit(Member const& who, json const& view, std::string const& trigger, std::map<std::string, std::string> const& values) {
        // The submission: every input block's state, the given values filled in.
        json state = json::object();
        std::size_t matched = 0;
        for (auto const& block : view["blocks"]) {
            if (block.value("type", "") != "input") continue;
            auto const id = block.value("block_id", "");
            auto const& element = block["element"];
            auto const type = element.value("type", "");
            auto const given = values.find(id);
            json value = nullptr;
            if (given != values.end()) {
                ++matched;
                value = given->second;
            }
            json entry = {{"type", type}};
            if (type == "static_select") entry["selected_option"] = value.is_null() ? json(nullptr) : json{{"value", value}};
            else entry["value"] = value;
            state[id][element.value("action_id", id)] = entry;
        }
        INFO("the modal: " << view.dump());
        REQUIRE(matched == values.size());
        json const submission = {
            {"type", "view_submission"},
            {"team", {{"id", SlackStandIn::team_id}}},
            {"user", {{"id", user_of(who)}, {"name", who.handle}, {"team_id", SlackStandIn::team_id}}},
            {"api_app_id", "ASTANDIN"},
            {"trigger_id", trigger + "-submit"},
            {"view", {{"id", "VSTANDIN"}, {"type", "modal"}, {"callback_id", view.value("callback_id", "")},
                      {"private_metadata", view.value("private_metadata", "")}, {"state", {{"values", state}}}}}};
        auto const before = posts_to(who).size();
        auto const res = interact(submission);
        REQUIRE(res.result_int() == 200);
        auto const answer = res.body().empty() ? json::object() : json::parse(res.body());
        if (answer.value("response_action", "") == "update") {
            // The modal stays open with the bot's answer above the fields.
            open_views_[who.handle] = answer["view"];
            std::string text;
            for (auto const& block : answer["view"]["blocks"]) {
                if (block.value("type", "") == "section") text += block["text"].value("text", "") + "\n";
            }
            return text;
        }
        CHECK(answer.value("response_action", "") == "clear");
        return text_of(next_post_to(who, before));
    }

public:
    std::vector<std::string> chat_of(Member const& who) override {
        std::vector<std::string> out;
        for (auto const& post : posts_to(who)) out.push_back(text_of(post));
        return out;
    }

    std::string const& database() const override { return database_; }
    std::uint16_t port() const override { return port_; }

private:
    HttpResponse interact(json const& payload) {
        auto const body = "payload=" + adapters::percent_encode(payload.dump());
        return http_request(port_, boost::beast::http::verb::post, "/api/slack/interactivity", body, "application/x-www-form-urlencoded",
                            slack_signed_headers(body));
    }

    std::vector<SlackCall> posts_to(Member const& who) const {
        std::vector<SlackCall> out;
        for (auto const& post : slack_.calls("chat.postMessage")) {
            if (post.args.value("channel", "") == dm_of(who)) out.push_back(post);
        }
        return out;
    }

    /// The first message to `who` after the `before` they had.
    SlackCall next_post_to(Member const& who, std::size_t before) const {
        for (int i = 0; i < 500; ++i) {
            auto const posts = posts_to(who);
            if (posts.size() > before) return posts[before];
            std::this_thread::sleep_for(20ms);
        }
        FAIL("no chat.postMessage to " << dm_of(who) << " within 10 s");
        return {};
    }

    std::string platform_ = "slack";
    SlackStandIn slack_;
    std::uint16_t port_;
    std::string database_;
    pid_t pid_ = 0;
    int sent_ = 0;
    std::map<std::string, json> open_views_;  ///< by handle: the modal the bot kept open
};

}  // namespace

std::unique_ptr<ChatNetwork> slack_network(std::string const& name, std::vector<Member> const& members) {
    return std::make_unique<SlackNetwork>(name, members);
}

}  // namespace superbruger::tests
