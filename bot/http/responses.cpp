// Response builders.
#include "bot/http/responses.hpp"

namespace superbruger::bot::http {

Response text_response(bhttp::status status, std::string body, std::string_view content_type) {
    Response res{status, 11};
    res.set(bhttp::field::content_type, content_type);
    res.set(bhttp::field::cache_control, "no-store");
    res.body() = std::move(body);
    return res;
}

Response json_response(bhttp::status status, nlohmann::json const& body) {
    return text_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

Response error_response(bhttp::status status, std::string_view message, std::string_view request_id) {
    return json_response(status, {{"error", message}, {"request_id", request_id}});
}

}  // namespace superbruger::bot::http
