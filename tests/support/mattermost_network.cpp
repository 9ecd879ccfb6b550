// ChatNetwork on Mattermost: the REST stand-in, `superbot serve` calling it, and each member's
// user id derived from their handle. People write to the bot with the slash command in their
// direct channel with it (outgoing webhooks fire only in public channels), and the answer comes
// back inline, ephemeral; a form is the button on the bot's message, the dialog the bot opened
// (actions/dialogs/open) and its submission, answered by a post. What the bot writes of its own
// accord comes by channels/direct and posts.
#include "tests/support/chat_network.hpp"

#include "adapters/percent_encoding.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/mattermost_standin.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <thread>

namespace superbruger::tests {

namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr char const* token_env = "SB_TEST_MM_NETWORK_TOKEN";
constexpr char const* bot_token_env = "SB_TEST_MM_NETWORK_BOT_TOKEN";
constexpr char const* secret_env = "SB_TEST_MM_NETWORK_SECRET";
constexpr char const* command_token = "networkcommandtoken0123456";

std::string user_of(Member const& m) { return "u" + m.handle; }
std::string channel_of(Member const& m) { return MattermostStandIn::direct_channel_of(user_of(m)); }
// The network is one team, so its id names no municipality: people are linked by user id alone.
std::string no_tenant(Member const&) { return {}; }

/// One message as Mattermost shows it: its text, then its buttons' labels.
std::string text_of(json const& message) {
    std::string out = message.value("text", message.value("message", ""));
    if (!message.contains("props") || !message["props"].is_object()) return out;
    for (auto const& attachment : message["props"].value("attachments", json::array())) {
        for (auto const& action : attachment.value("actions", json::array())) out += "\n" + action.value("name", "");
    }
    return out;
}

class MattermostNetwork final : public ChatNetwork {
public:
    MattermostNetwork(std::string const& name, std::vector<Member> const& members) : port_(free_port()) {
        ::setenv(token_env, command_token, 1);
        ::setenv(bot_token_env, MattermostStandIn::bot_token, 1);
        ::setenv(secret_env, "network-action-secret", 1);
        auto const base = name + "-mattermost-" + std::to_string(port_);
        database_ = (work_dir() / (base + ".sqlite")).string();
        auto const csv = write_config(base + ".csv", directory_csv(members, "mattermost", no_tenant, user_of));
        auto const cfg = write_config(base + ".json", json{
            {"server", {{"port", port_}}},
            {"storage", {{"database", database_}}},
            {"outbox", {{"poll_interval_seconds", 1}}},
            {"mattermost", {{"enabled", true},
                            {"server_url", mattermost_.server_url()},
                            {"tokens_env", {token_env}},
                            {"bot_token_env", bot_token_env},
                            {"action_secret_env", secret_env},
                            {"public_url", "http://127.0.0.1:" + std::to_string(port_)},
                            {"max_retry_wait_seconds", 5}}}}.dump());
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid_ = start_serve(cfg, port_, work_dir() / (base + ".log"));
    }
    ~MattermostNetwork() override { stop_serve(pid_); }

    std::string const& platform() const override { return platform_; }

    std::string say(Member const& who, std::string const& text) override {
        sync();
        auto const body = "channel_id=" + channel_of(who) + "&channel_name=" + adapters::percent_encode(user_of(who) + "__bot") +
                          "&command=%2Fsuperbot&team_domain=kommuner&team_id=" + MattermostStandIn::team_id +
                          "&text=" + adapters::percent_encode(text) + "&token=" + command_token + "&trigger_id=trigger-" +
                          std::to_string(++sent_) + "&user_id=" + user_of(who) + "&user_name=" + who.handle;
        auto const res = http_request(port_, boost::beast::http::verb::post, "/api/mattermost/command", body,
                                      "application/x-www-form-urlencoded", {{"Authorization", std::string("Token ") + command_token}});
        REQUIRE(res.result_int() == 200);
        auto const answer = json::parse(res.body());
        CHECK(answer.value("response_type", "") == "ephemeral");
        chats_[channel_of(who)].push_back(answer);
        return text_of(answer);
    }

    std::string submit_form(Member const& who, std::map<std::string, std::string> const& values) override {
        sync();
        auto const dialog = open_from_button(who);
        json submission = json::object();
        std::size_t matched = 0;
        for (auto const& element : dialog["elements"]) {
            auto const given = values.find(element.value("name", ""));
            if (given == values.end()) continue;
            ++matched;
            submission[given->first] = given->second;
        }
        INFO("the dialog: " << dialog.dump());
        REQUIRE(matched == values.size());
        json const submitted = {{"type", "dialog_submission"},       {"callback_id", dialog.value("callback_id", "")},
                                {"state", dialog.value("state", "")}, {"user_id", user_of(who)},
                                {"channel_id", channel_of(who)},      {"team_id", MattermostStandIn::team_id},
                                {"submission", submission},           {"cancelled", false}};
        auto const before = posts_to(who).size();
        auto const res = http_request(port_, boost::beast::http::verb::post, "/api/mattermost/dialog", submitted.dump(), "application/json", {});
        REQUIRE(res.result_int() == 200);
        // The dialog closes; the answer is a post in the chat the form was opened from.
        auto const post = next_post_to(who, before);
        sync();
        return text_of(post);
    }

    std::vector<std::string> chat_of(Member const& who) override {
        sync();
        std::vector<std::string> out;
        for (auto const& message : chats_[channel_of(who)]) out.push_back(text_of(message));
        return out;
    }

    std::string const& database() const override { return database_; }
    std::uint16_t port() const override { return port_; }

private:
    /// Clicks the form button of the latest message to `who`; returns the dialog the bot opened.
    json open_from_button(Member const& who) {
        auto const& chat = chats_[channel_of(who)];
        REQUIRE_FALSE(chat.empty());
        json button;
        auto const& latest = chat.back();
        if (latest.contains("props") && latest["props"].is_object()) {
            for (auto const& attachment : latest["props"].value("attachments", json::array())) {
                for (auto const& action : attachment.value("actions", json::array())) {
                    if (action.value("id", "") == "sbopenform") button = action;
                }
            }
        }
        INFO("the latest message to " << who.handle << ": " << latest.dump());
        REQUIRE(button.is_object());
        auto const trigger = "trigger-" + std::to_string(++sent_);
        json const click = {{"user_id", user_of(who)}, {"user_name", who.handle}, {"channel_id", channel_of(who)},
                            {"team_id", MattermostStandIn::team_id}, {"post_id", "post-clicked"}, {"trigger_id", trigger},
                            {"type", "button"}, {"context", button["integration"]["context"]}};
        auto const opened_before = mattermost_.calls("/api/v4/actions/dialogs/open").size();
        auto const res = http_request(port_, boost::beast::http::verb::post, "/api/mattermost/action", click.dump(), "application/json", {});
        REQUIRE(res.result_int() == 200);
        REQUIRE(mattermost_.wait_for("/api/v4/actions/dialogs/open", opened_before + 1));
        auto const opened = mattermost_.calls("/api/v4/actions/dialogs/open").at(opened_before);
        CHECK(opened.json.value("trigger_id", "") == trigger);
        return opened.json["dialog"];
    }

    std::vector<json> posts_to(Member const& who) const {
        std::vector<json> out;
        for (auto const& call : mattermost_.calls("/api/v4/posts")) {
            if (call.json.is_object() && call.json.value("channel_id", "") == channel_of(who)) out.push_back(call.json);
        }
        return out;
    }

    /// The first post to `who` after the `before` they had.
    json next_post_to(Member const& who, std::size_t before) const {
        for (int i = 0; i < 500; ++i) {
            auto const posts = posts_to(who);
            if (posts.size() > before) return posts[before];
            std::this_thread::sleep_for(20ms);
        }
        FAIL("no post to " << channel_of(who) << " within 10 s");
        return {};
    }

    /// Posts that came since the last look join their chat after the inline answers before them.
    void sync() {
        auto const posts = mattermost_.calls("/api/v4/posts");
        for (; seen_posts_ < posts.size(); ++seen_posts_) {
            auto const& post = posts[seen_posts_].json;
            if (post.is_object()) chats_[post.value("channel_id", "")].push_back(post);
        }
    }

    std::string platform_ = "mattermost";
    MattermostStandIn mattermost_;
    std::uint16_t port_;
    std::string database_;
    pid_t pid_ = 0;
    int sent_ = 0;
    std::size_t seen_posts_ = 0;
    std::map<std::string, std::vector<json>> chats_;  ///< by direct channel: what the bot wrote there, oldest first
};

}  // namespace

std::unique_ptr<ChatNetwork> mattermost_network(std::string const& name, std::vector<Member> const& members) {
    return std::make_unique<MattermostNetwork>(name, members);
}

}  // namespace superbruger::tests
