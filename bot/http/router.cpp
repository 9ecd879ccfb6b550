// Router dispatch.
#include "bot/http/router.hpp"

#include "bot/http/responses.hpp"

namespace superbruger::bot::http {

void Router::add(bhttp::verb method, std::string path, RouteHandler handler) {
    routes_[std::move(path)].emplace_back(method, std::move(handler));
}

net::awaitable<Response> Router::dispatch(Request& req, RequestContext& ctx) const {
    auto target = std::string_view(req.target());
    auto const path = target.substr(0, target.find('?'));
    auto it = routes_.find(path);
    if (it == routes_.end()) co_return error_response(bhttp::status::not_found, "no such route", ctx.request_id);
    ctx.route = it->first;
    std::string allow;
    for (auto const& [method, handler] : it->second) {
        if (method == req.method()) co_return co_await handler(req, ctx);
        if (!allow.empty()) allow += ", ";
        allow += std::string(bhttp::to_string(method));
    }
    auto res = error_response(bhttp::status::method_not_allowed, "method not allowed", ctx.request_id);
    res.set(bhttp::field::allow, allow);
    co_return res;
}

}  // namespace superbruger::bot::http
