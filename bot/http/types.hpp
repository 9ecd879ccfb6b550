// HTTP types shared by the server, the router and the route handlers.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <functional>
#include <string>

namespace superbruger::bot::http {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;

using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

/// Per-request facts the server hands to the handler and reads back for logs and metrics.
struct RequestContext {
    std::string request_id;
    std::string route = "unmatched";  ///< set by the router to a registered path (bounded label)
};

/// Handles one whole request. May suspend (outbound calls); must not touch the socket.
using Handler = std::function<net::awaitable<Response>(Request&, RequestContext&)>;

}  // namespace superbruger::bot::http
