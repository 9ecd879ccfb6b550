// Building responses: JSON bodies, plain text, and the one error shape.
#pragma once

#include "bot/http/types.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace superbruger::bot::http {

Response json_response(bhttp::status status, nlohmann::json const& body);
Response text_response(bhttp::status status, std::string body, std::string_view content_type = "text/plain; charset=utf-8");

/// {"error": message, "request_id": id}: what every refused request gets. The message is for
/// the caller; it never carries internal details (those go to the log).
Response error_response(bhttp::status status, std::string_view message, std::string_view request_id);

}  // namespace superbruger::bot::http
