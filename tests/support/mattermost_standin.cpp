// The Mattermost REST API stand-in.
#include "tests/support/mattermost_standin.hpp"
#include "tests/support/loopback_server.hpp"

#include "bot/http/responses.hpp"
#include "bot/http/server.hpp"

#include <boost/asio/post.hpp>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace superbruger::tests {

namespace bh = superbruger::bot::http;
using nlohmann::json;

namespace {

/// Mattermost's AppError body (server/public/model/utils.go).
bh::Response app_error(bh::bhttp::status status, std::string const& id, std::string const& message) {
    return bh::json_response(status, {{"id", id}, {"message", message}, {"status_code", static_cast<int>(status)}});
}

}  // namespace

struct MattermostStandIn::Impl {

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<MattermostCall> calls;
    int errors_left = 0;
    unsigned error_status = 500;
    int posted = 0;

    bh::Response answer(MattermostCall const& call) {
        if (call.path.starts_with("/hooks/")) {
            // Incoming webhooks: the key in the path is the credential; text or attachments required
            // (https://developers.mattermost.com/integrate/webhooks/incoming/). Success is a plain "ok".
            if (call.path != std::string("/hooks/") + incoming_hook_key) {
                return app_error(bh::bhttp::status::bad_request, "web.incoming_webhook.invalid.app_error", "Invalid webhook.");
            }
            if (errors_left > 0) {
                --errors_left;
                return app_error(static_cast<bh::bhttp::status>(error_status), "standin.fail_next", "told to fail");
            }
            auto const& j = call.json;
            if (!j.is_object() || (j.value("text", "").empty() && !j.contains("attachments"))) {
                return app_error(bh::bhttp::status::bad_request, "web.incoming_webhook.text.app_error", "No text specified.");
            }
            return bh::text_response(bh::bhttp::status::ok, "ok");
        }
        if (call.authorization != std::string("Bearer ") + bot_token) {
            return app_error(bh::bhttp::status::unauthorized, "api.context.session_expired.app_error", "Invalid or expired session, please login again.");
        }
        if (errors_left > 0) {
            --errors_left;
            return app_error(static_cast<bh::bhttp::status>(error_status), "standin.fail_next", "told to fail");
        }
        auto const& j = call.json;
        if (call.method == "GET" && call.path == "/api/v4/users/me") {
            return bh::json_response(bh::bhttp::status::ok, {{"id", bot_user_id}, {"username", "superbot"}, {"is_bot", true}});
        }
        if (call.method != "POST") return app_error(bh::bhttp::status::method_not_allowed, "standin.method", "not a stand-in route");
        if (call.path == "/api/v4/channels/direct") {
            // Like Mattermost: exactly two user ids, one of them the caller's own.
            if (!j.is_array() || j.size() != 2 || !j[0].is_string() || !j[1].is_string() || j[0] != bot_user_id) {
                return app_error(bh::bhttp::status::bad_request, "api.context.invalid_body_param.app_error", "Invalid or missing user_ids in request body.");
            }
            return bh::json_response(bh::bhttp::status::created, {{"id", direct_channel_of(j[1].get<std::string>())}, {"type", "D"}});
        }
        if (call.path == "/api/v4/posts") {
            if (!j.is_object() || j.value("channel_id", "").empty()) {
                return app_error(bh::bhttp::status::bad_request, "api.context.invalid_body_param.app_error", "Invalid or missing channel_id");
            }
            return bh::json_response(bh::bhttp::status::created,
                                     {{"id", "post" + std::to_string(++posted)}, {"channel_id", j["channel_id"]}, {"message", j.value("message", "")}});
        }
        if (call.path == "/api/v4/actions/dialogs/open") {
            if (!j.is_object() || j.value("trigger_id", "").empty() || j.value("url", "").empty() || !j.contains("dialog")) {
                return app_error(bh::bhttp::status::bad_request, "api.context.invalid_body_param.app_error", "Invalid dialog");
            }
            return bh::json_response(bh::bhttp::status::ok, {{"status", "OK"}});
        }
        return app_error(bh::bhttp::status::not_found, "api.context.404.app_error", "Sorry, we could not find the page.");
    }
    std::unique_ptr<LoopbackServer> server;  ///< last: it stops before the state above goes
};

MattermostStandIn::MattermostStandIn() : impl_(std::make_unique<Impl>()) {
    auto* impl = impl_.get();
    auto handler = [impl](bh::Request& req, bh::RequestContext&) -> bh::net::awaitable<bh::Response> {
        std::string const target(req.target());
        MattermostCall call;
        call.method = std::string(req.method_string());
        call.path = target.substr(0, target.find('?'));
        call.authorization = std::string(req[bh::bhttp::field::authorization]);
        call.body = req.body();
        call.json = json::parse(call.body, nullptr, false);
        if (call.json.is_discarded()) call.json = nullptr;
        std::lock_guard lock(impl->mutex);
        impl->calls.push_back(call);
        impl->changed.notify_all();
        co_return impl->answer(call);
    };
    impl->server = std::make_unique<LoopbackServer>(handler);
    port_ = impl->server->port();
}

MattermostStandIn::~MattermostStandIn() = default;

void MattermostStandIn::fail_next(int count, unsigned status) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors_left = count;
    impl_->error_status = status;
}

std::vector<MattermostCall> MattermostStandIn::calls() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->calls;
}

std::vector<MattermostCall> MattermostStandIn::calls(std::string const& path) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<MattermostCall> out;
    for (auto const& c : impl_->calls) {
        if (c.path == path) out.push_back(c);
    }
    return out;
}

bool MattermostStandIn::wait_for(std::string const& path, std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] {
        std::size_t n = 0;
        for (auto const& c : impl_->calls) n += path.empty() || c.path == path ? 1 : 0;
        return n >= count;
    });
}

}  // namespace superbruger::tests
