// /healthz says the process serves; /readyz says it should get traffic; /metrics for Prometheus.
#include "bot/http/service_routes.hpp"

#include "bot/http/responses.hpp"

namespace superbruger::bot::http {

void add_service_routes(Router& router, Metrics& metrics, std::function<std::string()> readiness) {
    router.add(bhttp::verb::get, "/healthz", [](Request&, RequestContext&) -> net::awaitable<Response> {
        co_return json_response(bhttp::status::ok, {{"status", "ok"}});
    });
    router.add(bhttp::verb::get, "/readyz", [readiness](Request&, RequestContext&) -> net::awaitable<Response> {
        auto const why_not = readiness();
        if (why_not.empty()) co_return json_response(bhttp::status::ok, {{"status", "ready"}});
        co_return json_response(bhttp::status::service_unavailable, {{"status", "not ready"}, {"reason", why_not}});
    });
    router.add(bhttp::verb::get, "/metrics", [&metrics](Request&, RequestContext&) -> net::awaitable<Response> {
        co_return text_response(bhttp::status::ok, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace superbruger::bot::http
