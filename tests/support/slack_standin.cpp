// The Slack Web API stand-in.
#include "tests/support/slack_standin.hpp"
#include "tests/support/loopback_server.hpp"

#include "adapters/percent_encoding.hpp"
#include "adapters/slack/request_signature.hpp"
#include "bot/http/responses.hpp"
#include "bot/http/server.hpp"

#include <boost/asio/post.hpp>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace superbruger::tests {

namespace bh = superbruger::bot::http;
using nlohmann::json;

namespace {

json args_of(std::string const& content_type, std::string const& body, std::string_view query) {
    if (content_type.starts_with("application/json")) {
        auto j = json::parse(body, nullptr, false);
        return j.is_object() ? j : json::object();
    }
    json out = json::object();
    for (auto const& [k, v] : adapters::parse_form_body(query)) out[k] = v;
    for (auto const& [k, v] : adapters::parse_form_body(body)) out[k] = v;
    return out;
}

std::string arg(json const& args, char const* key) {
    auto const it = args.find(key);
    return it != args.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bh::Response slack_error(std::string const& error) { return bh::json_response(bh::bhttp::status::ok, {{"ok", false}, {"error", error}}); }

}  // namespace

struct SlackStandIn::Impl {

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<SlackCall> calls;
    int errors_left = 0;
    std::string error;
    int limits_left = 0;
    int retry_after = 0;
    int posted = 0;
    int views = 0;
    std::map<std::string, json> users;

    bh::Response answer(SlackCall const& call) {
        if (call.authorization.empty()) return slack_error("not_authed");
        if (call.authorization != std::string("Bearer ") + bot_token) return slack_error("invalid_auth");
        if (limits_left > 0) {
            --limits_left;
            auto res = bh::json_response(bh::bhttp::status::too_many_requests, {{"ok", false}, {"error", "ratelimited"}});
            res.set("Retry-After", std::to_string(retry_after));
            return res;
        }
        if (errors_left > 0) {
            --errors_left;
            return slack_error(error);
        }
        auto const& a = call.args;
        if (call.method == "chat.postMessage" || call.method == "chat.update") {
            auto const channel = arg(a, "channel");
            if (channel.empty()) return slack_error("channel_not_found");
            if (arg(a, "text").empty() && !(a.contains("blocks") && a["blocks"].is_array() && !a["blocks"].empty())) return slack_error("no_text");
            auto const ts = call.method == "chat.update" ? arg(a, "ts") : "1700000000." + std::to_string(100000 + ++posted);
            return bh::json_response(bh::bhttp::status::ok, {{"ok", true}, {"channel", channel}, {"ts", ts}, {"message", {{"text", arg(a, "text")}}}});
        }
        if (call.method == "conversations.open") {
            auto const users_arg = arg(a, "users");
            if (users_arg.empty() || users_arg.find(',') != std::string::npos) return slack_error("user_not_found");
            // Like Slack: one DM channel per person, the same one every time.
            return bh::json_response(bh::bhttp::status::ok, {{"ok", true}, {"channel", {{"id", "D" + users_arg}}}});
        }
        if (call.method == "views.open") {
            if (arg(a, "trigger_id").empty()) return slack_error("invalid_arguments");
            if (!a.contains("view") || !a["view"].is_object()) return slack_error("invalid_arguments");
            return bh::json_response(bh::bhttp::status::ok, {{"ok", true}, {"view", {{"id", "VSTANDIN" + std::to_string(++views)}}}});
        }
        if (call.method == "users.info") {
            auto const it = users.find(arg(a, "user"));
            if (it == users.end()) return slack_error("user_not_found");
            return bh::json_response(bh::bhttp::status::ok, {{"ok", true}, {"user", it->second}});
        }
        return bh::json_response(bh::bhttp::status::not_found, {{"ok", false}, {"error", "unknown_method"}});
    }
    std::unique_ptr<LoopbackServer> server;  ///< last: it stops before the state above goes
};

SlackStandIn::SlackStandIn() : impl_(std::make_unique<Impl>()) {
    auto* impl = impl_.get();
    auto handler = [impl](bh::Request& req, bh::RequestContext&) -> bh::net::awaitable<bh::Response> {
        std::string const target(req.target());
        auto const q = target.find('?');
        std::string const path = target.substr(0, q);
        if (!path.starts_with("/api/")) co_return bh::error_response(bh::bhttp::status::not_found, "no such stand-in route", "");
        SlackCall call;
        call.method = path.substr(5);
        call.authorization = std::string(req[bh::bhttp::field::authorization]);
        call.content_type = std::string(req[bh::bhttp::field::content_type]);
        call.body = req.body();
        call.args = args_of(call.content_type, call.body, q == std::string::npos ? std::string_view{} : std::string_view(target).substr(q + 1));
        std::lock_guard lock(impl->mutex);
        impl->calls.push_back(call);
        impl->changed.notify_all();
        co_return impl->answer(call);
    };
    impl->server = std::make_unique<LoopbackServer>(handler);
    port_ = impl->server->port();
}

SlackStandIn::~SlackStandIn() = default;

void SlackStandIn::add_user(std::string const& user_id, std::string const& email, std::string const& real_name) {
    std::lock_guard lock(impl_->mutex);
    impl_->users[user_id] = {{"id", user_id}, {"team_id", team_id},  {"name", user_id},  {"real_name", real_name},
                             {"is_bot", false}, {"deleted", false}, {"profile", {{"real_name", real_name}, {"display_name", ""}, {"email", email}}}};
}

void SlackStandIn::fail_next(int count, std::string error) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors_left = count;
    impl_->error = std::move(error);
}

void SlackStandIn::rate_limit_next(int count, int retry_after_seconds) {
    std::lock_guard lock(impl_->mutex);
    impl_->limits_left = count;
    impl_->retry_after = retry_after_seconds;
}

std::vector<SlackCall> SlackStandIn::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->calls;
}

std::vector<SlackCall> SlackStandIn::calls(std::string const& method) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<SlackCall> out;
    for (auto const& c : impl_->calls) {
        if (c.method == method) out.push_back(c);
    }
    return out;
}

std::size_t SlackStandIn::call_count() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->calls.size();
}

bool SlackStandIn::wait_for(std::string const& method, std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] {
        std::size_t n = 0;
        for (auto const& c : impl_->calls) n += method.empty() || c.method == method ? 1 : 0;
        return n >= count;
    });
}

std::vector<std::pair<std::string, std::string>> slack_signed_headers(std::string const& body, std::string const& secret,
                                                                      std::chrono::system_clock::time_point when) {
    auto const timestamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count());
    return {{"X-Slack-Request-Timestamp", timestamp}, {"X-Slack-Signature", adapters::slack::request_signature(secret, timestamp, body)}};
}

json slack_dm_event(std::string const& event_id, std::string const& text, std::string const& user, std::string const& team) {
    return {{"token", "verification-token-not-used"},
            {"team_id", team},
            {"api_app_id", "ASTANDIN"},
            {"type", "event_callback"},
            {"event_id", event_id},
            {"event_time", 1700000000},
            {"authorizations", json::array({{{"team_id", team}, {"user_id", SlackStandIn::bot_user_id}, {"is_bot", true}}})},
            {"event",
             {{"type", "message"},
              {"channel", "D" + user},
              {"user", user},
              {"text", text},
              {"ts", "1700000000.000001"},
              {"event_ts", "1700000000.000001"},
              {"channel_type", "im"}}}};
}

}  // namespace superbruger::tests
