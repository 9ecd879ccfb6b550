// Outbound HTTPS through a forward proxy: which hosts go through it (NO_PROXY), the settings
// taken from the config and the environment, and the CONNECT tunnel against a loopback proxy
// stand-in, with the server's certificate still checked end to end through the tunnel.
#include "bot/error.hpp"
#include "bot/http/client.hpp"
#include "bot/http/proxy.hpp"

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
#include <map>
#include <mutex>
#include <thread>

using namespace superbruger::bot;
using namespace superbruger::bot::http;
namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

namespace {

std::filesystem::path const tls_dir = std::filesystem::path(SB_TESTS_DIR) / "fixtures" / "tls";

/// An HTTPS server on 127.0.0.1 with the test certificate (names localhost and 127.0.0.1):
/// answers one request per connection with "secret over tls".
class TlsServer {
public:
    TlsServer() {
        context_.use_certificate_chain_file((tls_dir / "server.pem").string());
        context_.use_private_key_file((tls_dir / "server.key").string(), ssl::context::pem);
        acceptor_.open(tcp::v4());
        acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        thread_ = std::thread([this] {
            for (;;) {
                tcp::socket socket(ioc_);
                beast::error_code ec;
                acceptor_.accept(socket, ec);
                if (ec || stopping_) return;
                beast::ssl_stream<tcp::socket> stream(std::move(socket), context_);
                stream.handshake(ssl::stream_base::server, ec);
                if (ec) continue;
                beast::flat_buffer buffer;
                beast::http::request<beast::http::string_body> req;
                beast::http::read(stream, buffer, req, ec);
                if (ec) continue;
                beast::http::response<beast::http::string_body> res{beast::http::status::ok, 11};
                res.body() = "secret over tls";
                res.keep_alive(false);
                res.prepare_payload();
                beast::http::write(stream, res, ec);
                stream.shutdown(ec);
            }
        });
    }
    ~TlsServer() {
        stopping_ = true;
        beast::error_code ignored;
        tcp::socket poke(ioc_);
        poke.connect(acceptor_.local_endpoint(), ignored);
        thread_.join();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

private:
    boost::asio::io_context ioc_;
    ssl::context context_{ssl::context::tls_server};
    tcp::acceptor acceptor_{ioc_};
    std::thread thread_;
    std::atomic<bool> stopping_{false};
};

/// A forward proxy on 127.0.0.1 that understands only CONNECT, as a municipal egress proxy:
/// records each CONNECT target and relays the bytes, blind, to `upstream_port` on 127.0.0.1,
/// whatever host was asked for (so a request for another host name reaches a server whose
/// certificate does not name it). With `refuse`, answers 403 instead.
class ConnectProxy {
public:
    ConnectProxy(std::uint16_t upstream_port, bool refuse = false) : upstream_port_(upstream_port), refuse_(refuse) {
        acceptor_.open(tcp::v4());
        acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        thread_ = std::thread([this] { run(); });
    }
    ~ConnectProxy() {
        stopping_ = true;
        beast::error_code ignored;
        tcp::socket poke(ioc_);
        poke.connect(acceptor_.local_endpoint(), ignored);
        thread_.join();
        for (auto& t : relays_) t.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()); }
    std::vector<std::string> targets() const {
        std::lock_guard lock(mutex_);
        return targets_;
    }
    /// Bytes relayed from the origin server to the client; all of it TLS records.
    std::string relayed_down() const {
        std::lock_guard lock(mutex_);
        return down_;
    }

private:
    void run() {
        for (;;) {
            auto client = std::make_shared<tcp::socket>(ioc_);
            beast::error_code ec;
            acceptor_.accept(*client, ec);
            if (ec || stopping_) return;
            beast::flat_buffer buffer;
            beast::http::request_parser<beast::http::empty_body> parser;
            beast::http::read_header(*client, buffer, parser, ec);
            if (ec) continue;
            auto const& req = parser.get();
            {
                std::lock_guard lock(mutex_);
                targets_.push_back(std::string(req.method_string()) + " " + std::string(req.target()));
            }
            if (refuse_ || req.method() != beast::http::verb::connect) {
                boost::asio::write(*client, boost::asio::buffer(std::string("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")), ec);
                continue;
            }
            auto upstream = std::make_shared<tcp::socket>(ioc_);
            upstream->connect({boost::asio::ip::make_address("127.0.0.1"), upstream_port_}, ec);
            if (ec) continue;
            boost::asio::write(*client, boost::asio::buffer(std::string("HTTP/1.1 200 Connection established\r\n\r\n")), ec);
            // Relay both ways until either side closes.
            relays_.emplace_back([client, upstream] { pump(*client, *upstream, nullptr, nullptr); });
            relays_.emplace_back([this, client, upstream] { pump(*upstream, *client, &down_, &mutex_); });
        }
    }
    static void pump(tcp::socket& from, tcp::socket& to, std::string* record, std::mutex* mutex) {
        std::array<char, 4096> chunk{};
        for (;;) {
            beast::error_code ec;
            auto const n = from.read_some(boost::asio::buffer(chunk), ec);
            if (n > 0 && record) {
                std::lock_guard lock(*mutex);
                record->append(chunk.data(), n);
            }
            if (n > 0) boost::asio::write(to, boost::asio::buffer(chunk.data(), n), ec);
            if (ec) {
                to.shutdown(tcp::socket::shutdown_send, ec);
                return;
            }
        }
    }

    std::uint16_t upstream_port_;
    bool refuse_;
    boost::asio::io_context ioc_;
    tcp::acceptor acceptor_{ioc_};
    std::thread thread_;
    std::vector<std::thread> relays_;
    mutable std::mutex mutex_;
    std::vector<std::string> targets_;
    std::string down_;
    std::atomic<bool> stopping_{false};
};

ClientResponse fetch(ClientSettings settings, std::string const& url) {
    boost::asio::io_context ioc;
    Client client(ioc, std::move(settings));
    auto future = boost::asio::co_spawn(ioc, client.send({bhttp::verb::get, url, {}, {}}), boost::asio::use_future);
    ioc.run();
    return future.get();
}

ClientSettings through(std::string const& proxy_url, bool trust_test_ca = true) {
    ClientSettings s;
    if (trust_test_ca) s.ca_file = tls_dir / "ca.pem";
    s.proxy.https_proxy = proxy_url;
    return s;
}

std::string upstream_error(ClientSettings settings, std::string const& url) {
    try {
        fetch(std::move(settings), url);
    } catch (BotError const& e) {
        CHECK(e.kind() == BotError::Kind::upstream);
        return e.what();
    }
    FAIL("the request succeeded");
    return {};
}

}  // namespace

TEST_CASE("HTTPS goes through the proxy's CONNECT tunnel to the host asked for", "[http][client][proxy]") {
    TlsServer server;
    ConnectProxy proxy(server.port());
    auto const port = std::to_string(server.port());
    auto const response = fetch(through(proxy.url()), "https://localhost:" + port + "/v3/conversations");
    CHECK(response.status == 200);
    CHECK(response.body == "secret over tls");
    CHECK(proxy.targets() == std::vector<std::string>{"CONNECT localhost:" + port});
    // The proxy relayed only TLS: neither the request path nor the answer passed it in clear.
    auto const seen = proxy.relayed_down();
    CHECK_FALSE(seen.empty());
    CHECK(seen.find("secret over tls") == std::string::npos);
}

TEST_CASE("through the tunnel the certificate is still verified against the CA and the host name", "[http][client][proxy][tls]") {
    TlsServer server;
    ConnectProxy proxy(server.port());
    auto const port = std::to_string(server.port());
    // The system store does not know the test CA: refused, though the proxy opened the tunnel.
    CHECK_THAT(upstream_error(through(proxy.url(), false), "https://localhost:" + port + "/"), Catch::Contains("TLS handshake"));
    // A proxy that sends the tunnel for bot.example.org to another server (here one whose
    // certificate names only localhost) is caught by the host-name check.
    CHECK_THAT(upstream_error(through(proxy.url()), "https://bot.example.org:" + port + "/"), Catch::Contains("TLS handshake"));
    CHECK(proxy.targets() == std::vector<std::string>{"CONNECT localhost:" + port, "CONNECT bot.example.org:" + port});
}

TEST_CASE("a proxy refusing the tunnel is an upstream error naming its status", "[http][client][proxy]") {
    TlsServer server;
    ConnectProxy proxy(server.port(), true);
    auto const message = upstream_error(through(proxy.url()), "https://localhost:" + std::to_string(server.port()) + "/");
    CHECK_THAT(message, Catch::Contains("refused the tunnel") && Catch::Contains("403"));
}

TEST_CASE("hosts in no_proxy and plain loopback http are reached directly", "[http][client][proxy]") {
    TlsServer server;
    ConnectProxy proxy(server.port());
    auto settings = through(proxy.url());
    settings.proxy.no_proxy = {"example.org", "LOCALHOST"};
    CHECK(fetch(settings, "https://localhost:" + std::to_string(server.port()) + "/").body == "secret over tls");
    CHECK(proxy.targets().empty());
}

TEST_CASE("a proxy URL the client cannot use is a configuration error", "[http][client][proxy]") {
    boost::asio::io_context ioc;
    for (auto const* bad : {"https://proxy:3128", "proxy:3128", "http://user:pw@proxy:3128"}) {
        INFO(bad);
        ClientSettings s;
        s.proxy.https_proxy = bad;
        try {
            Client client(ioc, s);
            FAIL("accepted");
        } catch (BotError const& e) {
            CHECK(e.kind() == BotError::Kind::config);
            CHECK_THAT(e.what(), Catch::Contains("HTTPS_PROXY"));
        }
    }
}

TEST_CASE("no_proxy entries match hosts, their sub-domains, ports and everything", "[http][proxy]") {
    std::vector<std::string> const list = {"kommune.dk", ".intern.example", "10.0.0.7", "api.local:8443", "[::1]"};
    CHECK(bypasses_proxy("kommune.dk", 443, list));
    CHECK(bypasses_proxy("www.Kommune.dk", 443, list));
    CHECK_FALSE(bypasses_proxy("notkommune.dk", 443, list));
    CHECK(bypasses_proxy("a.intern.example", 443, list));
    CHECK(bypasses_proxy("intern.example", 443, list));
    CHECK(bypasses_proxy("10.0.0.7", 443, list));
    CHECK_FALSE(bypasses_proxy("10.0.0.70", 443, list));
    CHECK(bypasses_proxy("api.local", 8443, list));
    CHECK_FALSE(bypasses_proxy("api.local", 443, list));
    CHECK(bypasses_proxy("::1", 443, list));
    CHECK_FALSE(bypasses_proxy("smba.trafficmanager.net", 443, list));
    CHECK(bypasses_proxy("smba.trafficmanager.net", 443, {"*"}));
    CHECK_FALSE(bypasses_proxy("x", 443, {}));
}

TEST_CASE("proxy settings come from the config first, then the environment", "[http][proxy]") {
    std::map<std::string, std::string> env;
    auto getenv = [&env](char const* name) -> char const* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    CHECK(proxy_settings("", {}, getenv).https_proxy.empty());
    env["HTTPS_PROXY"] = "http://upper:3128";
    CHECK(proxy_settings("", {}, getenv).https_proxy == "http://upper:3128");
    env["https_proxy"] = "http://lower:3128";
    CHECK(proxy_settings("", {}, getenv).https_proxy == "http://lower:3128");
    CHECK(proxy_settings("http://configured:8080", {}, getenv).https_proxy == "http://configured:8080");
    env["HTTP_PROXY"] = "http://never:1";  // httpoxy: never taken for HTTPS
    env.erase("HTTPS_PROXY");
    env.erase("https_proxy");
    CHECK(proxy_settings("", {}, getenv).https_proxy.empty());
    env["NO_PROXY"] = " intern.kommune.dk, localhost ,,";
    CHECK(proxy_settings("", {"configured.dk"}, getenv).no_proxy == std::vector<std::string>{"configured.dk", "intern.kommune.dk", "localhost"});
}
