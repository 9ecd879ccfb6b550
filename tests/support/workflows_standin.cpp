// The Teams Workflows stand-in.
#include "tests/support/workflows_standin.hpp"
#include "tests/support/loopback_server.hpp"

#include "bot/http/responses.hpp"

#include <condition_variable>
#include <mutex>

namespace superbruger::tests {

namespace bh = superbruger::bot::http;
using nlohmann::json;

namespace {
constexpr std::string_view prefix = "/workflows/";

/// What Microsoft's template reads: a message whose attachments hold Adaptive Cards.
bool is_envelope(json const& j) {
    if (!j.is_object() || j.value("type", "") != "message" || !j.contains("attachments") || !j["attachments"].is_array()) return false;
    if (j["attachments"].empty()) return false;
    for (auto const& a : j["attachments"]) {
        if (!a.is_object() || a.value("contentType", "") != "application/vnd.microsoft.card.adaptive") return false;
        if (!a.contains("content") || !a["content"].is_object() || a["content"].value("type", "") != "AdaptiveCard") return false;
    }
    return true;
}
}  // namespace

std::string WorkflowsPost::card_text() const {
    std::string out;
    if (!json.is_object() || !json.contains("attachments")) return out;
    for (auto const& block : json["attachments"][0]["content"]["body"]) out += block.value("text", "") + "\n";
    return out;
}

struct WorkflowsStandIn::Impl {
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<WorkflowsPost> posts;
    int errors_left = 0;
    unsigned error_status = 500;
    std::string error_body;

    bh::Response answer(bh::Request const& req, WorkflowsPost& post) {
        std::string const target(req.target());
        auto const q = target.find('?');
        auto const path = target.substr(0, q);
        auto const query = q == std::string::npos ? std::string() : target.substr(q + 1);
        if (req.method() != bh::bhttp::verb::post || !path.starts_with(prefix)) {
            return bh::json_response(bh::bhttp::status::not_found, {{"error", {{"code", "TriggerNotFound"}}}});
        }
        post.channel = path.substr(prefix.size());
        if (query != std::string("sig=") + signature) {
            return bh::json_response(bh::bhttp::status::unauthorized, {{"error", {{"code", "DirectApiInvalidAuthorizationSignature"}}}});
        }
        if (errors_left > 0) {
            --errors_left;
            return bh::text_response(static_cast<bh::bhttp::status>(error_status), error_body);
        }
        if (req[bh::bhttp::field::content_type] != "application/json" || !is_envelope(post.json)) {
            return bh::json_response(bh::bhttp::status::bad_request, {{"error", {{"code", "InvalidRequestContent"}}}});
        }
        return bh::text_response(bh::bhttp::status::accepted, "");
    }

    std::unique_ptr<LoopbackServer> server;  ///< last: it stops before the state above goes
};

WorkflowsStandIn::WorkflowsStandIn() : impl_(std::make_unique<Impl>()) {
    auto* impl = impl_.get();
    auto handler = [impl](bh::Request& req, bh::RequestContext&) -> bh::net::awaitable<bh::Response> {
        WorkflowsPost post;
        post.json = json::parse(req.body(), nullptr, false);
        if (post.json.is_discarded()) post.json = nullptr;
        std::lock_guard lock(impl->mutex);
        auto res = impl->answer(req, post);
        post.answered = res.result_int();
        impl->posts.push_back(std::move(post));
        impl->changed.notify_all();
        co_return res;
    };
    impl->server = std::make_unique<LoopbackServer>(handler);
    port_ = impl->server->port();
}

WorkflowsStandIn::~WorkflowsStandIn() = default;

std::string WorkflowsStandIn::url_of(std::string const& channel) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(prefix) + channel + "?sig=" + signature;
}

void WorkflowsStandIn::fail_next(int count, unsigned status, std::string body) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors_left = count;
    impl_->error_status = status;
    impl_->error_body = std::move(body);
}

std::vector<WorkflowsPost> WorkflowsStandIn::posts() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->posts;
}

std::vector<WorkflowsPost> WorkflowsStandIn::delivered(std::string const& channel) const {
    std::lock_guard lock(impl_->mutex);
    std::vector<WorkflowsPost> out;
    for (auto const& p : impl_->posts) {
        if (p.channel == channel && p.answered == 202) out.push_back(p);
    }
    return out;
}

bool WorkflowsStandIn::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return impl_->posts.size() >= count; });
}

}  // namespace superbruger::tests
