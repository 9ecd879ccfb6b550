// The operational routes: /healthz, /readyz, /metrics.
#pragma once

#include "bot/http/metrics.hpp"
#include "bot/http/router.hpp"

#include <functional>
#include <string>

namespace superbruger::bot::http {

/// `readiness` returns an empty string when ready, else why not (shown in /readyz).
void add_service_routes(Router& router, Metrics& metrics, std::function<std::string()> readiness);

}  // namespace superbruger::bot::http
