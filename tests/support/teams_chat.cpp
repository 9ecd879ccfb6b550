// TeamsChat: directory import, serve, and activities in and out.
#include "tests/support/teams_chat.hpp"

#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

namespace superbruger::tests {

using nlohmann::json;

TeamsChat::TeamsChat(std::string const& name, std::string const& directory_csv) : port_(free_port()) {
    ::setenv("SB_TEST_TEAMS_APP_PASSWORD", "pw", 1);
    auto const base = name + "-" + std::to_string(port_);
    auto const csv = write_config(base + ".csv", directory_csv);
    database_ = (work_dir() / (base + ".sqlite")).string();
    auto const cfg = write_config(base + ".json", json{
        {"server", {{"port", port_}}},
        {"storage", {{"database", database_}}},
        {"outbox", {{"poll_interval_seconds", 1}}},
        {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                   {"app_password_env", "SB_TEST_TEAMS_APP_PASSWORD"},
                   {"openid_metadata_url", bf_.base_url() + "openid"},
                   {"token_url", bf_.base_url() + "token"},
                   {"allowed_service_url_hosts", {"127.0.0.1"}}}}}.dump());
    REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
    pid_ = start_serve(cfg, port_, work_dir() / (base + ".log"));
}

TeamsChat::~TeamsChat() { stop_serve(pid_); }

std::string TeamsChat::say(TeamsPerson const& who, std::string const& text) {
    return send(who, teams_message(bf_.service_url(), "act-" + std::to_string(++sent_), text, who.tenant));
}

std::string TeamsChat::submit(TeamsPerson const& who, std::string const& command, std::map<std::string, std::string> const& values) {
    auto activity = teams_message(bf_.service_url(), "act-" + std::to_string(++sent_), "", who.tenant);
    activity.erase("text");
    json value = {{"command", command}};
    for (auto const& [k, v] : values) value[k] = v;
    activity["value"] = value;
    return send(who, std::move(activity));
}

std::string TeamsChat::send(TeamsPerson const& who, json activity) {
    activity["from"] = {{"id", who.user_id}, {"name", who.user_id}, {"aadObjectId", who.aad}};
    activity["conversation"]["id"] = who.chat;
    auto const before = bf_.connector_requests().size();
    auto const res = http_request(port_, boost::beast::http::verb::post, "/api/messages", activity.dump(), "application/json",
                                  {{"Authorization", "Bearer " + bf_.token()}});
    REQUIRE(res.result_int() == 200);
    REQUIRE(bf_.wait_for_connector(before + 1));
    last_reply_ = bf_.connector_requests()[before].json();
    return text_of(last_reply_);
}

std::string TeamsChat::text_of(json const& activity) {
    if (activity.contains("text")) return activity["text"].get<std::string>();
    std::string out;
    for (auto const& block : activity["attachments"][0]["content"]["body"]) {
        if (block.value("type", "") == "TextBlock") out += block.value("text", "") + "\n";
    }
    return out;
}

}  // namespace superbruger::tests
