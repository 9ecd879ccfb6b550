// Router: exact-path routes to handlers; 404 for unknown paths, 405 for a wrong method.
#pragma once

#include "bot/http/types.hpp"

#include <map>
#include <string>
#include <vector>

namespace superbruger::bot::http {

class Router {
public:
    using RouteHandler = std::function<net::awaitable<Response>(Request&, RequestContext&)>;

    void add(bhttp::verb method, std::string path, RouteHandler handler);

    /// Matches the target's path (the query string is ignored), sets ctx.route, and runs the
    /// handler. Unknown paths get 404 and a known path with another method 405 with "Allow".
    net::awaitable<Response> dispatch(Request& req, RequestContext& ctx) const;

private:
    std::map<std::string, std::vector<std::pair<bhttp::verb, RouteHandler>>, std::less<>> routes_;
};

}  // namespace superbruger::bot::http
