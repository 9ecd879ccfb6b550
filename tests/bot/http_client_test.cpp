// The one outbound HTTP client: certificate verification, loopback-only plain HTTP, URL
// parsing, keep-alive reuse and the retry of a pooled connection the server closed.
#include "bot/error.hpp"
#include "bot/http/client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <thread>

using namespace superbruger::bot;
using namespace superbruger::bot::http;
namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

namespace {

std::filesystem::path const tls_dir = std::filesystem::path(SB_TESTS_DIR) / "fixtures" / "tls";

/// A blocking test server on 127.0.0.1: answers every request "hello N" (N = its connection
/// number), keeps connections alive unless `close_after_each` (then it closes without saying so,
/// like a server whose idle timeout has passed).
class TestServer {
public:
    explicit TestServer(bool tls, bool close_after_each = false) : tls_(tls), close_after_each_(close_after_each) {
        if (tls_) {
            tls_context_.use_certificate_chain_file((tls_dir / "server.pem").string());
            tls_context_.use_private_key_file((tls_dir / "server.key").string(), ssl::context::pem);
        }
        acceptor_.open(tcp::v4());
        acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        thread_ = std::thread([this] { run(); });
    }
    ~TestServer() {
        stopping_ = true;
        beast::error_code ignored;
        tcp::socket poke(ioc_);
        poke.connect(acceptor_.local_endpoint(), ignored);
        thread_.join();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    int connections() const { return connections_; }

private:
    template <class Stream>
    void serve(Stream& stream, int n) {
        beast::flat_buffer buffer;
        for (;;) {
            beast::http::request<beast::http::string_body> req;
            beast::error_code ec;
            beast::http::read(stream, buffer, req, ec);
            if (ec) return;
            beast::http::response<beast::http::string_body> res{beast::http::status::ok, 11};
            res.body() = "hello " + std::to_string(n);
            res.keep_alive(true);
            res.prepare_payload();
            beast::http::write(stream, res, ec);
            if (ec || close_after_each_) return;
        }
    }
    void run() {
        for (;;) {
            tcp::socket socket(ioc_);
            beast::error_code ec;
            acceptor_.accept(socket, ec);
            if (ec || stopping_) return;
            int const n = ++connections_;
            if (tls_) {
                beast::ssl_stream<tcp::socket> stream(std::move(socket), tls_context_);
                stream.handshake(ssl::stream_base::server, ec);
                if (!ec) serve(stream, n);
            } else {
                serve(socket, n);
            }
        }
    }
    bool tls_;
    bool close_after_each_;
    boost::asio::io_context ioc_;
    ssl::context tls_context_{ssl::context::tls_server};
    tcp::acceptor acceptor_{ioc_};
    std::thread thread_;
    std::atomic<int> connections_{0};
    std::atomic<bool> stopping_{false};
};

/// Runs one request to completion on a fresh io_context.
ClientResponse fetch(ClientSettings settings, std::string const& url) {
    boost::asio::io_context ioc;
    Client client(ioc, std::move(settings));
    auto future = boost::asio::co_spawn(ioc, client.send({bhttp::verb::get, url, {}, {}}), boost::asio::use_future);
    ioc.run();
    return future.get();
}

/// Several requests in a row through one client.
std::vector<std::string> fetch_all(std::string const& url, int times) {
    boost::asio::io_context ioc;
    Client client(ioc, {});
    std::vector<std::string> bodies;
    auto future = boost::asio::co_spawn(
        ioc,
        [&]() -> boost::asio::awaitable<void> {
            for (int i = 0; i < times; ++i) {
                ClientRequest request{bhttp::verb::get, url, {}, {}};
                auto const response = co_await client.send(std::move(request));
                bodies.push_back(response.body);
            }
        },
        boost::asio::use_future);
    ioc.run();
    future.get();
    return bodies;
}

}  // namespace

TEST_CASE("https verifies the certificate against the configured CA and the host name", "[http][client][tls]") {
    TestServer server(true);
    ClientSettings trusted;
    trusted.ca_file = tls_dir / "ca.pem";
    auto const port = std::to_string(server.port());
    CHECK(fetch(trusted, "https://127.0.0.1:" + port + "/").body == "hello 1");
    CHECK(fetch(trusted, "https://localhost:" + port + "/x").status == 200);

    // The system store does not know our test CA: the handshake fails, no request is sent.
    try {
        fetch({}, "https://127.0.0.1:" + port + "/");
        FAIL("an untrusted certificate was accepted");
    } catch (BotError const& e) {
        CHECK(e.kind() == BotError::Kind::upstream);
        CHECK_THAT(e.what(), Catch::Contains("TLS handshake"));
    }
}

TEST_CASE("a missing CA file is a configuration error", "[http][client][tls]") {
    boost::asio::io_context ioc;
    ClientSettings s;
    s.ca_file = "/nonexistent/ca.pem";
    CHECK_THROWS_AS(Client(ioc, s), BotError);
}

TEST_CASE("plain http is refused for anything but loopback", "[http][client]") {
    try {
        fetch({}, "http://192.0.2.10:8080/");  // TEST-NET-1: never reached
        FAIL("plain http to a remote address was allowed");
    } catch (BotError const& e) {
        CHECK(e.kind() == BotError::Kind::config);
        CHECK_THAT(e.what(), Catch::Contains("loopback"));
    }
}

TEST_CASE("URLs are split into scheme host port and target", "[http][client]") {
    auto const u = Url::parse("HTTPS://Smba.TrafficManager.net/emea/v3/conversations?x=1#frag");
    CHECK(u.scheme == "https");
    CHECK(u.host == "smba.trafficmanager.net");
    CHECK(u.port == 443);
    CHECK(u.target == "/emea/v3/conversations?x=1");
    CHECK(Url::parse("http://127.0.0.1:8080").target == "/");
    CHECK(Url::parse("http://[::1]:9000/a").host == "::1");
    CHECK(Url::parse("http://[::1]:9000/a").port == 9000);
    for (auto const* bad : {"ftp://x/", "no-scheme", "https:///path", "https://host:99999/", "https://host:12ab/", "https://user:pw@host/"}) {
        INFO(bad);
        CHECK_THROWS_AS(Url::parse(bad), BotError);
    }
}

TEST_CASE("kept-alive connections are reused and a stale one is retried on a new connection", "[http][client]") {
    {
        TestServer server(false);
        auto const bodies = fetch_all("http://127.0.0.1:" + std::to_string(server.port()) + "/", 3);
        CHECK(bodies == std::vector<std::string>{"hello 1", "hello 1", "hello 1"});
        CHECK(server.connections() == 1);
    }
    {
        // The server drops each connection after answering: every request after the first finds
        // its pooled connection dead, and succeeds on a fresh one.
        TestServer server(false, true);
        auto const bodies = fetch_all("http://127.0.0.1:" + std::to_string(server.port()) + "/", 3);
        CHECK(bodies == std::vector<std::string>{"hello 1", "hello 2", "hello 3"});
    }
}
