// The real Server on a loopback port: service routes, bad input, timeouts, graceful shutdown.
#include "bot/http/responses.hpp"
#include "bot/http/router.hpp"
#include "bot/http/server.hpp"
#include "bot/http/service_routes.hpp"
#include "tests/support/http_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

using namespace superbruger::bot::http;
using namespace superbruger::tests;
using namespace std::chrono_literals;
using boost::beast::http::verb;

namespace {

/// Runs a Server with the service routes, POST /echo and GET /slow on its own io thread.
class ServerFixture {
public:
    explicit ServerFixture(ServerLimits limits = test_limits()) {
        add_service_routes(router_, metrics_, [this] { return ready_ ? std::string() : std::string("warming up"); });
        router_.add(verb::post, "/echo", [](Request& req, RequestContext&) -> net::awaitable<Response> {
            co_return text_response(bhttp::status::ok, std::to_string(req.body().size()));
        });
        router_.add(verb::get, "/slow", [](Request&, RequestContext&) -> net::awaitable<Response> {
            net::steady_timer timer(co_await net::this_coro::executor, 300ms);
            co_await timer.async_wait(net::as_tuple(net::use_awaitable));
            co_return text_response(bhttp::status::ok, "finished");
        });
        router_.add(verb::get, "/boom", [](Request&, RequestContext&) -> net::awaitable<Response> {
            throw std::runtime_error("secret internal detail");
            co_return text_response(bhttp::status::ok, "unreachable");
        });
        server_ = std::make_unique<Server>(ioc_, limits, [this](Request& r, RequestContext& c) { return router_.dispatch(r, c); },
                                           metrics_);
        port_ = server_->listen("127.0.0.1", 0).port();
        thread_ = std::thread([this] { ioc_.run(); });
    }

    ~ServerFixture() {
        if (thread_.joinable()) {
            net::post(ioc_, [this] { server_->shutdown(0s, [] {}); });
            ioc_.stop();
            thread_.join();
        }
    }

    static ServerLimits test_limits() {
        ServerLimits l;
        l.max_body_bytes = 1024;
        l.request_timeout = 1s;
        l.first_byte_timeout = 2s;
        l.idle_timeout = 2s;
        return l;
    }

    /// Starts a graceful shutdown on the io thread; the future is ready when it has drained.
    std::future<void> shutdown(std::chrono::seconds grace) {
        auto done = std::make_shared<std::promise<void>>();
        auto future = done->get_future();
        net::post(ioc_, [this, grace, done] { server_->shutdown(grace, [done] { done->set_value(); }); });
        return future;
    }

    void join() {
        thread_.join();
    }

    std::uint16_t port() const { return port_; }
    std::atomic<bool> ready_{true};

private:
    net::io_context ioc_{1};
    Metrics metrics_;
    Router router_;
    std::unique_ptr<Server> server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace

TEST_CASE("service routes answer health, readiness and metrics", "[integration][http]") {
    ServerFixture server;
    auto health = http_request(server.port(), verb::get, "/healthz");
    CHECK(health.result_int() == 200);
    CHECK(health.body() == R"({"status":"ok"})");
    CHECK(!health["X-Request-Id"].empty());

    CHECK(http_request(server.port(), verb::get, "/readyz").result_int() == 200);
    server.ready_ = false;
    auto not_ready = http_request(server.port(), verb::get, "/readyz");
    CHECK(not_ready.result_int() == 503);
    CHECK(not_ready.body().find("warming up") != std::string::npos);

    auto metrics = http_request(server.port(), verb::get, "/metrics");
    CHECK(metrics.result_int() == 200);
    CHECK(metrics.body().find(R"(superbot_http_requests_total{route="/healthz",status="200"} 1)") != std::string::npos);
    CHECK(metrics.body().find(R"(superbot_http_requests_total{route="/readyz",status="503"} 1)") != std::string::npos);
    CHECK(metrics.body().find("superbot_http_request_duration_seconds_count{route=\"/healthz\"} 1") != std::string::npos);
}

TEST_CASE("unknown routes get 404 and wrong methods 405", "[integration][http]") {
    ServerFixture server;
    auto missing = http_request(server.port(), verb::get, "/no/such/thing?x=1");
    CHECK(missing.result_int() == 404);
    CHECK(missing.body().find("\"error\"") != std::string::npos);
    auto wrong = http_request(server.port(), verb::post, "/healthz", "{}");
    CHECK(wrong.result_int() == 405);
    CHECK(wrong[boost::beast::http::field::allow] == "GET");
    // Query strings do not change the route.
    CHECK(http_request(server.port(), verb::get, "/healthz?probe=1").result_int() == 200);
    auto metrics = http_request(server.port(), verb::get, "/metrics").body();
    CHECK(metrics.find("route=\"unmatched\",status=\"404\"") != std::string::npos);
}

TEST_CASE("an oversized body gets 413 and the server keeps serving", "[integration][http]") {
    ServerFixture server;
    CHECK(http_request(server.port(), verb::post, "/echo", std::string(1000, 'x')).body() == "1000");
    auto big = raw_exchange(server.port(),
                            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'), 2s);
    CHECK(big.received.starts_with("HTTP/1.1 413"));
    CHECK(big.closed_by_server);
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}

TEST_CASE("a malformed request gets 400 and the server keeps serving", "[integration][http]") {
    ServerFixture server;
    auto bad = raw_exchange(server.port(), "THIS IS NOT HTTP\r\n\r\n", 2s);
    CHECK(bad.received.starts_with("HTTP/1.1 400"));
    CHECK(bad.closed_by_server);
    auto bad_length = raw_exchange(server.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 2s);
    CHECK(bad_length.received.starts_with("HTTP/1.1 400"));
    auto huge_header = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", 2s);
    CHECK(huge_header.received.starts_with("HTTP/1.1 431"));
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}

TEST_CASE("a slowloris connection is closed by the request timeout", "[integration][http]") {
    ServerFixture server;  // request_timeout 1 s
    auto const started = std::chrono::steady_clock::now();
    // Half a request line and then silence: the server must hang up on its own.
    auto slow = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow:", 5s);
    CHECK(slow.closed_by_server);
    CHECK(slow.received.empty());
    CHECK(std::chrono::steady_clock::now() - started < 4s);
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}

TEST_CASE("an idle keep-alive connection is closed by the idle timeout", "[integration][http]") {
    ServerFixture server;  // idle_timeout 2 s
    auto idle = raw_exchange(server.port(), "", 5s);
    CHECK(idle.closed_by_server);
}

TEST_CASE("a handler exception becomes a 500 without internal details", "[integration][http]") {
    ServerFixture server;
    auto res = http_request(server.port(), verb::get, "/boom");
    CHECK(res.result_int() == 500);
    CHECK(res.body().find("secret") == std::string::npos);
    CHECK(res.body().find("request_id") != std::string::npos);
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}

TEST_CASE("graceful shutdown lets the request in flight finish", "[integration][http]") {
    ServerFixture server;
    auto slow = std::async(std::launch::async, [&] { return http_request(server.port(), verb::get, "/slow"); });
    std::this_thread::sleep_for(100ms);  // the request is now inside the handler
    auto drained = server.shutdown(5s);
    auto res = slow.get();
    CHECK(res.result_int() == 200);
    CHECK(res.body() == "finished");
    CHECK(res[boost::beast::http::field::connection] == "close");
    CHECK(drained.wait_for(5s) == std::future_status::ready);
    server.join();  // the io_context ran out of work: nothing left listening or open
    CHECK_THROWS(http_request(server.port(), verb::get, "/healthz"));
}

namespace {

/// True when `call` finishes within `limit` (it runs on its own thread; a stalled server fails
/// the check instead of hanging the test).
template <typename Call>
bool answers_within(std::chrono::milliseconds limit, Call call) {
    auto done = std::async(std::launch::async, std::move(call));
    return done.wait_for(limit) == std::future_status::ready;
}

}  // namespace

TEST_CASE("a thousand idle connections do not starve health checks or requests", "[integration][http][hardening]") {
    ServerLimits limits;  // the production defaults: 512 connections, first byte within seconds
    ServerFixture server(limits);
    IdleConnections flood(server.port(), 1000);
    int health = 0, echo = 0;
    CHECK(answers_within(2s, [&] { health = http_request(server.port(), verb::get, "/healthz").result_int(); }));
    CHECK(health == 200);
    CHECK(answers_within(2s, [&] { echo = http_request(server.port(), verb::post, "/echo", "{}").result_int(); }));
    CHECK(echo == 200);
}

TEST_CASE("a new connection that sends nothing is closed by the first-byte deadline", "[integration][http][hardening]") {
    auto limits = ServerFixture::test_limits();
    limits.first_byte_timeout = 1s;
    limits.idle_timeout = 30s;
    ServerFixture server(limits);
    auto const started = std::chrono::steady_clock::now();
    auto silent = raw_exchange(server.port(), "", 5s);
    CHECK(silent.closed_by_server);
    CHECK(std::chrono::steady_clock::now() - started < 3s);
    // A kept-alive connection gets the (longer) idle timeout after its first request.
    auto kept = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 2500ms);
    CHECK(kept.received.starts_with("HTTP/1.1 200"));
    CHECK(!kept.closed_by_server);
}

TEST_CASE("health checks are answered when every connection slot is busy", "[integration][http][hardening]") {
    auto limits = ServerFixture::test_limits();
    limits.max_connections = 4;
    limits.request_timeout = 5s;
    ServerFixture server(limits);
    // Four connections in the middle of a request: not idle, so none can be closed early.
    std::vector<std::future<RawExchange>> busy;
    for (int i = 0; i < 4; ++i) {
        busy.push_back(std::async(std::launch::async, [&] { return raw_exchange(server.port(), "GET /slow HTTP/1.1\r\nHost: x\r\nX-Slow:", 3s); }));
    }
    std::this_thread::sleep_for(300ms);
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
    CHECK(http_request(server.port(), verb::get, "/readyz").result_int() == 200);
    CHECK(http_request(server.port(), verb::post, "/echo", "{}").result_int() == 503);
}

TEST_CASE("one address cannot hold more than its share of connections", "[integration][http][hardening]") {
    auto limits = ServerFixture::test_limits();
    limits.max_connections_per_ip = 3;
    limits.request_timeout = 5s;
    ServerFixture server(limits);
    std::vector<std::future<RawExchange>> busy;
    for (int i = 0; i < 3; ++i) {
        busy.push_back(std::async(std::launch::async, [&] { return raw_exchange(server.port(), "GET /slow HTTP/1.1\r\nHost: x\r\nX-Slow:", 3s); }));
    }
    std::this_thread::sleep_for(300ms);
    CHECK(http_request(server.port(), verb::post, "/echo", "{}").result_int() == 503);
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}

TEST_CASE("request framing follows RFC 9112", "[integration][http][hardening]") {
    ServerFixture server;
    auto refused = [&](std::string const& request) {
        auto const out = raw_exchange(server.port(), request, 2s);
        INFO(request);
        CHECK(out.received.starts_with("HTTP/1.1 400"));
        CHECK(out.closed_by_server);
    };
    // A Transfer-Encoding whose final coding is not chunked (RFC 9112 §6.3).
    refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    // Both framings at once, and two different lengths (§6.3, request smuggling).
    refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
    // HTTP/1.1 without Host, or with two (§3.2).
    refused("GET /healthz HTTP/1.1\r\n\r\n");
    refused("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");

    // A coding we do not implement is 501 (RFC 9112 §6.1).
    auto gzip = raw_exchange(server.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 2s);
    CHECK(gzip.received.starts_with("HTTP/1.1 501"));
    CHECK(gzip.closed_by_server);

    // Well-framed requests still work.
    auto chunked = raw_exchange(server.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 2s);
    CHECK(chunked.received.starts_with("HTTP/1.1 200"));
    CHECK(chunked.received.ends_with("\r\n\r\n5"));
    auto old = raw_exchange(server.port(), "GET /healthz HTTP/1.0\r\n\r\n", 2s);
    CHECK(old.received.starts_with("HTTP/1.0 200"));
    CHECK(http_request(server.port(), verb::get, "/healthz").result_int() == 200);
}
