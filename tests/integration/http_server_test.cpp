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
