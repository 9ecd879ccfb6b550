// Server: accept loop, per-connection request loop, graceful shutdown.
#include "bot/http/server.hpp"

#include "bot/error.hpp"
#include "bot/http/framing.hpp"
#include "bot/http/responses.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>
#include <boost/beast/http/write.hpp>

#include <list>
#include <random>

namespace superbruger::bot::http {

namespace {

namespace beast = boost::beast;
using tcp = net::ip::tcp;
constexpr auto use_tuple = net::as_tuple(net::use_awaitable);

bool is_safe_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

/// The status for a request Beast could not read, or 0 when the connection just ends.
bhttp::status status_for_read_error(beast::error_code const& ec) {
    if (ec == bhttp::error::body_limit) return bhttp::status::payload_too_large;
    if (ec == bhttp::error::header_limit) return bhttp::status::request_header_fields_too_large;
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return bhttp::status::unknown;
    if (ec.category() == make_error_code(bhttp::error::bad_method).category()) return bhttp::status::bad_request;
    return bhttp::status::unknown;  // timeouts, resets, cancellation: nothing to answer
}

char const* reason_for(bhttp::status status) {
    if (status == bhttp::status::payload_too_large) return "request body too large";
    if (status == bhttp::status::request_header_fields_too_large) return "request headers too large";
    if (status == bhttp::status::not_implemented) return "transfer coding not supported";
    if (status == bhttp::status::service_unavailable) return "too many connections";
    return "malformed HTTP request";
}

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

}  // namespace

struct Connection {
    Connection(tcp::socket socket, net::ip::address from, bool probe)
        : stream(std::move(socket)), peer(std::move(from)), probe_only(probe) {}
    beast::tcp_stream stream;
    net::ip::address peer;
    bool const probe_only;  ///< admitted beyond the limits: one request, probe paths only
    bool idle = true;       ///< waiting for the first byte of a request: safe to close
    bool evicted = false;   ///< closed to make room; no longer counted against the limits
};

struct Server::Impl : std::enable_shared_from_this<Impl> {
    Impl(net::io_context& io, ServerLimits l, Handler h, Metrics& m)
        : ioc(io), limits(l), handler(std::move(h)), metrics(m), acceptor(io), grace_timer(io) {}

    net::io_context& ioc;
    ServerLimits limits;
    Handler handler;
    Metrics& metrics;
    tcp::acceptor acceptor;
    std::list<std::shared_ptr<Connection>> connections;  ///< oldest first
    std::size_t probes = 0;                               ///< connections admitted for a probe only
    bool stopping = false;
    std::function<void()> on_drained;
    net::steady_timer grace_timer;
    std::mt19937_64 random{std::random_device{}()};

    std::string new_request_id() {
        static constexpr char hex[] = "0123456789abcdef";
        auto n = random();
        std::string id(16, '0');
        for (auto& c : id) {
            c = hex[n & 0xF];
            n >>= 4;
        }
        return id;
    }

    /// Whether a connection from `peer` fits under the limits, after closing the oldest idle
    /// connection (from that address when its own limit is the one reached) if need be.
    bool make_room(net::ip::address const& peer) {
        std::size_t all = 0, same = 0;
        for (auto const& c : connections) {
            if (c->evicted || c->probe_only) continue;
            ++all;
            if (c->peer == peer) ++same;
        }
        bool const per_ip_full = limits.max_connections_per_ip > 0 && same >= limits.max_connections_per_ip;
        if (!per_ip_full && all < limits.max_connections) return true;
        auto const oldest_idle = std::find_if(connections.begin(), connections.end(), [&](auto const& c) {
            return c->idle && !c->evicted && !c->probe_only && (!per_ip_full || c->peer == peer);
        });
        if (oldest_idle == connections.end()) return false;
        (*oldest_idle)->evicted = true;
        (*oldest_idle)->stream.cancel();
        metrics.connection_evicted();
        return true;
    }

    void forget(std::shared_ptr<Connection> const& conn) {
        if (conn->probe_only) --probes;
        connections.remove(conn);
        metrics.connection_closed();
        if (stopping && connections.empty()) finish_shutdown();
    }

    void finish_shutdown() {
        grace_timer.cancel();
        if (auto done = std::exchange(on_drained, nullptr)) done();
    }

    net::awaitable<void> accept_loop() {
        auto self = shared_from_this();
        while (acceptor.is_open()) {
            auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
            if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
            if (ec) {
                // Out of file descriptors and the like: wait a little instead of spinning.
                log::warn("accept_failed", {{"error", ec.message()}});
                net::steady_timer pause(ioc, std::chrono::milliseconds(100));
                co_await pause.async_wait(use_tuple);
                continue;
            }
            beast::error_code pec;
            auto const peer = socket.remote_endpoint(pec).address();
            bool const admitted = pec ? false : make_room(peer);
            if (!admitted && probes >= limits.probe_connections) {
                metrics.connection_refused();
                static constexpr std::string_view busy =
                    "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n";
                beast::error_code ignored;
                net::write(socket, net::buffer(busy), ignored);
                socket.close(ignored);
                continue;
            }
            if (!admitted) {
                metrics.connection_refused();  // refused for everything but a probe
                ++probes;
            }
            auto conn = std::make_shared<Connection>(std::move(socket), peer, !admitted);
            connections.push_back(conn);
            metrics.connection_opened();
            net::co_spawn(ioc, serve(conn), [self, conn](std::exception_ptr e) {
                // The one catch-all per connection: a bug in a handler never takes the server down.
                if (e) {
                    try {
                        std::rethrow_exception(e);
                    } catch (std::exception const& ex) {
                        log::error("connection_failed", {{"error", ex.what()}});
                    }
                }
                self->forget(conn);
            });
        }
    }

    net::awaitable<void> write_response(Connection& conn, Response& res, beast::error_code& ec) {
        conn.stream.expires_after(limits.request_timeout);
        auto [wec, n] = co_await bhttp::async_write(conn.stream, res, use_tuple);
        ec = wec;
    }

    /// Answers a request that cannot be served (read error, bad framing, no room) and logs it.
    net::awaitable<void> refuse(Connection& conn, bhttp::status status, std::string const& reason,
                                std::chrono::steady_clock::time_point started) {
        RequestContext ctx;
        ctx.request_id = new_request_id();
        auto res = error_response(status, reason_for(status), ctx.request_id);
        res.set(bhttp::field::connection, "close");
        res.set("X-Request-Id", ctx.request_id);
        if (status == bhttp::status::service_unavailable) res.set(bhttp::field::retry_after, "1");
        res.prepare_payload();
        beast::error_code wec;
        co_await write_response(conn, res, wec);
        metrics.observe_request(ctx.route, res.result_int(), std::chrono::steady_clock::now() - started);
        log::info("http_refused", {{"request_id", ctx.request_id}, {"status", res.result_int()}, {"reason", reason}});
    }

    net::awaitable<void> serve(std::shared_ptr<Connection> conn) {
        beast::flat_buffer buffer;
        bool first = true;
        for (;;) {
            if (buffer.size() == 0) {
                if (stopping) break;
                conn->idle = true;
                // A new connection must start soon; a kept-alive one may wait for its next request.
                conn->stream.expires_after(first ? limits.first_byte_timeout : limits.idle_timeout);
                auto [ec, n] = co_await conn->stream.async_read_some(buffer.prepare(4096), use_tuple);
                if (ec || conn->evicted) break;  // closed, timed out, evicted or cancelled at shutdown
                buffer.commit(n);
            }
            first = false;
            conn->idle = false;

            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
            parser.body_limit(limits.max_body_bytes);
            // One deadline for the whole request: a client trickling bytes (slowloris) is cut off.
            conn->stream.expires_after(limits.request_timeout);
            auto [ec, n] = co_await bhttp::async_read_header(conn->stream, buffer, parser, use_tuple);
            auto const started = std::chrono::steady_clock::now();
            if (ec) {
                auto const status = status_for_read_error(ec);
                if (status != bhttp::status::unknown) co_await refuse(*conn, status, ec.message(), started);
                break;
            }
            // The header decides how long the body is; refuse before reading it when that is ambiguous.
            auto const framing = framing_problem(parser.get().base(), parser.get().version());
            if (framing != bhttp::status::unknown) {
                co_await refuse(*conn, framing, "request framing", started);
                break;
            }
            if (conn->probe_only && std::ranges::find(limits.probe_paths, path_of(parser.get().target())) == limits.probe_paths.end()) {
                co_await refuse(*conn, bhttp::status::service_unavailable, "connection limit", started);
                break;
            }
            if (!parser.is_done()) {
                auto [bec, bn] = co_await bhttp::async_read(conn->stream, buffer, parser, use_tuple);
                if (bec) {
                    auto const status = status_for_read_error(bec);
                    if (status != bhttp::status::unknown) co_await refuse(*conn, status, bec.message(), started);
                    break;
                }
            }

            RequestContext ctx;
            auto req = parser.release();
            auto const given_id = req["X-Request-Id"];
            ctx.request_id = is_safe_request_id(given_id) ? std::string(given_id) : new_request_id();
            Response res;
            try {
                res = co_await handler(req, ctx);
            } catch (std::exception const& e) {
                log::error("handler_failed", {{"request_id", ctx.request_id}, {"route", ctx.route}, {"error", e.what()}});
                res = error_response(bhttp::status::internal_server_error, "internal error", ctx.request_id);
            }
            res.version(req.version());
            res.set("X-Request-Id", ctx.request_id);
            res.keep_alive(req.keep_alive() && !stopping && !conn->probe_only);
            res.prepare_payload();
            beast::error_code wec;
            co_await write_response(*conn, res, wec);
            auto const elapsed = std::chrono::steady_clock::now() - started;
            metrics.observe_request(ctx.route, res.result_int(), elapsed);
            log::info("http_request", {{"request_id", ctx.request_id},
                                       {"method", std::string(req.method_string())},
                                       {"route", ctx.route},
                                       {"status", res.result_int()},
                                       {"ms", std::chrono::duration<double, std::milli>(elapsed).count()}});
            if (wec || !res.keep_alive()) break;
        }
        beast::error_code ignored;
        conn->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        conn->stream.close();
    }
};

Server::Server(net::io_context& ioc, ServerLimits limits, Handler handler, Metrics& metrics)
    : impl_(std::make_shared<Impl>(ioc, limits, std::move(handler), metrics)) {}

Server::~Server() {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
}

net::ip::tcp::endpoint Server::listen(std::string const& address, std::uint16_t port) {
    beast::error_code ec;
    auto const ip = net::ip::make_address(address, ec);
    if (ec) throw BotError(BotError::Kind::config, "config: 'server.address' is not an IP address: " + address);
    tcp::endpoint endpoint{ip, port};
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        throw BotError(BotError::Kind::config,
                       "config: cannot listen on 'server.address'/'server.port' " + address + ":" + std::to_string(port) + ": " + ec.message());
    }
    net::co_spawn(impl_->ioc, impl_->accept_loop(), net::detached);
    return acceptor.local_endpoint();
}

void Server::shutdown(std::chrono::seconds grace, std::function<void()> done) {
    auto& impl = *impl_;
    if (impl.stopping) return;
    impl.stopping = true;
    impl.on_drained = std::move(done);
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    for (auto const& conn : impl.connections) {
        if (conn->idle) conn->stream.cancel();
    }
    if (impl.connections.empty()) {
        impl.finish_shutdown();
        return;
    }
    impl.grace_timer.expires_after(grace);
    impl.grace_timer.async_wait([weak = std::weak_ptr<Impl>(impl_)](beast::error_code ec) {
        auto self = weak.lock();
        if (ec || !self) return;
        log::warn("shutdown_grace_expired", {{"connections", self->connections.size()}});
        for (auto const& conn : self->connections) conn->stream.cancel();
        self->finish_shutdown();
    });
}

}  // namespace superbruger::bot::http
