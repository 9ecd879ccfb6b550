// Client: resolve, connect (directly or through a CONNECT tunnel), TLS with host-name
// verification, one exchange, keep-alive pool.
// Follows Beast's example/http/client/awaitable and async-ssl (boost-1.81.0).
#include "bot/http/client.hpp"

#include "bot/error.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace superbruger::bot::http {

namespace {

namespace beast = boost::beast;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
constexpr auto use_tuple = net::as_tuple(net::use_awaitable);
constexpr auto max_pooled_idle = std::chrono::seconds(30);

BotError upstream(std::string const& what) {
    return BotError(BotError::Kind::upstream, what);
}

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

}  // namespace

Url Url::parse(std::string const& url) {
    auto bad = [&](char const* why) { return BotError(BotError::Kind::config, "not a usable URL (" + std::string(why) + "): " + url); };
    Url u;
    auto const scheme_end = url.find("://");
    if (scheme_end == std::string::npos) throw bad("no scheme");
    u.scheme = url.substr(0, scheme_end);
    std::transform(u.scheme.begin(), u.scheme.end(), u.scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (u.scheme != "http" && u.scheme != "https") throw bad("scheme must be http or https");
    auto const authority_start = scheme_end + 3;
    auto const path_start = url.find_first_of("/?#", authority_start);
    auto authority = url.substr(authority_start, path_start == std::string::npos ? std::string::npos : path_start - authority_start);
    if (authority.find('@') != std::string::npos) throw bad("credentials in URLs are not accepted");
    u.target = path_start == std::string::npos ? "/" : url.substr(path_start);
    if (auto hash = u.target.find('#'); hash != std::string::npos) u.target.erase(hash);
    if (u.target.empty() || u.target.front() != '/') u.target.insert(0, "/");
    std::string port;
    if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
        auto const close = authority.find(']');
        if (close == std::string::npos) throw bad("unclosed IPv6 bracket");
        u.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') throw bad("junk after IPv6 address");
            port = authority.substr(close + 2);
        }
    } else if (auto colon = authority.rfind(':'); colon != std::string::npos) {
        u.host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    } else {
        u.host = authority;
    }
    if (u.host.empty()) throw bad("no host");
    std::transform(u.host.begin(), u.host.end(), u.host.begin(), [](unsigned char c) { return std::tolower(c); });
    if (port.empty()) {
        u.port = u.scheme == "https" ? 443 : 80;
    } else {
        unsigned long n = 0;
        if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) throw bad("bad port");
        n = std::stoul(port);
        if (n == 0 || n > 65535) throw bad("bad port");
        u.port = static_cast<std::uint16_t>(n);
    }
    return u;
}

std::string ClientResponse::header(std::string_view name) const {
    for (auto const& [k, v] : headers) {
        if (iequals(k, name)) return v;
    }
    return {};
}

/// One connection, plain or TLS. Only one of the two streams is set.
struct PooledConnection {
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> tls;
    beast::flat_buffer buffer;
    std::chrono::steady_clock::time_point idle_since;

    beast::tcp_stream& lowest() { return plain ? *plain : beast::get_lowest_layer(*tls); }
};

struct Client::Impl {
    Impl(net::io_context& io, ClientSettings s) : ioc(io), settings(std::move(s)), tls_context(ssl::context::tls_client) {
        tls_context.set_verify_mode(ssl::verify_peer);
        boost::system::error_code ec;
        if (settings.ca_file.empty()) {
            tls_context.set_default_verify_paths(ec);
        } else {
            tls_context.load_verify_file(settings.ca_file.string(), ec);
        }
        if (ec) {
            throw BotError(BotError::Kind::config,
                           "config: 'http_client.ca_file': cannot load certificates from '" + settings.ca_file.string() + "': " + ec.message());
        }
        if (!settings.proxy.https_proxy.empty()) {
            auto const bad = [&](std::string const& why) {
                return BotError(BotError::Kind::config, "config: the HTTPS proxy ('http_client.https_proxy' or HTTPS_PROXY) " + why);
            };
            try {
                proxy = Url::parse(settings.proxy.https_proxy);
            } catch (BotError const& e) {
                throw bad(std::string("is not usable: ") + e.what());
            }
            if (proxy->scheme != "http") throw bad("must be an http:// URL; the tunnel inside it is TLS");
        }
    }

    net::io_context& ioc;
    ClientSettings settings;
    ssl::context tls_context;
    std::optional<Url> proxy;
    std::map<std::string, std::vector<std::unique_ptr<PooledConnection>>> idle;

    std::unique_ptr<PooledConnection> take_idle(std::string const& origin) {
        auto it = idle.find(origin);
        if (it == idle.end()) return nullptr;
        auto& list = it->second;
        auto const now = std::chrono::steady_clock::now();
        while (!list.empty()) {
            auto conn = std::move(list.back());
            list.pop_back();
            if (now - conn->idle_since < max_pooled_idle) return conn;
        }
        return nullptr;
    }

    void give_back(std::string const& origin, std::unique_ptr<PooledConnection> conn) {
        auto& list = idle[origin];
        if (list.size() >= settings.max_idle_per_origin) return;
        conn->idle_since = std::chrono::steady_clock::now();
        list.push_back(std::move(conn));
    }

    /// The proxy for `url`, if it is to go through one: HTTPS only (plain HTTP is loopback-only).
    std::optional<Url> proxy_for(Url const& url) const {
        if (!proxy || url.scheme != "https" || bypasses_proxy(url.host, url.port, settings.proxy.no_proxy)) return std::nullopt;
        return proxy;
    }

    /// Asks the proxy on `stream` for a tunnel to url's host and port (RFC 9110 section 9.3.6,
    /// https://www.rfc-editor.org/rfc/rfc9110#name-connect). The TLS handshake then runs
    /// through the tunnel with the real host's name, so the proxy never sees the plain text.
    net::awaitable<void> open_tunnel(beast::tcp_stream& stream, Url const& url, Url const& via) {
        auto const authority = (url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host) + ":" + std::to_string(url.port);
        bhttp::request<bhttp::empty_body> req{bhttp::verb::connect, authority, 11};
        req.set(bhttp::field::host, authority);
        req.set(bhttp::field::user_agent, "superbot");
        auto [wec, wn] = co_await bhttp::async_write(stream, req, use_tuple);
        if (wec) throw upstream("sending CONNECT to the proxy " + via.origin() + " failed: " + wec.message());
        // A successful CONNECT's response has no body; its header ends where the tunnel begins.
        bhttp::response_parser<bhttp::empty_body> parser;
        parser.skip(true);
        beast::flat_buffer buffer;
        auto [rec, rn] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
        if (rec) throw upstream("reading the proxy " + via.origin() + "'s answer to CONNECT failed: " + rec.message());
        auto const status = parser.get().result_int();
        if (status < 200 || status > 299) {
            throw upstream("the proxy " + via.origin() + " refused the tunnel to " + authority + ": " + std::to_string(status) + " " +
                           std::string(parser.get().reason()));
        }
        if (buffer.size() != 0) throw upstream("the proxy " + via.origin() + " sent data before the tunnel was open");
    }

    net::awaitable<std::unique_ptr<PooledConnection>> connect(Url const& url) {
        auto const via = proxy_for(url);
        Url const& dial = via ? *via : url;
        tcp::resolver resolver(ioc);
        auto [rec, results] = co_await resolver.async_resolve(dial.host, std::to_string(dial.port), use_tuple);
        if (rec) throw upstream("cannot resolve " + dial.host + ": " + rec.message());
        std::vector<tcp::endpoint> endpoints;
        for (auto const& r : results) {
            // Plain HTTP carries bearer tokens in clear text: only to this machine, for tests.
            if (url.scheme == "http" && !r.endpoint().address().is_loopback()) {
                throw BotError(BotError::Kind::config, "plain http is only allowed to loopback addresses, not to " + url.host);
            }
            endpoints.push_back(r.endpoint());
        }
        auto conn = std::make_unique<PooledConnection>();
        if (url.scheme == "https") {
            conn->tls.emplace(ioc, tls_context);
        } else {
            conn->plain.emplace(ioc);
        }
        auto& lowest = conn->lowest();
        lowest.expires_after(settings.connect_timeout);
        auto [cec, ep] = co_await lowest.async_connect(endpoints, use_tuple);
        if (cec) throw upstream("cannot connect to " + dial.origin() + (via ? " (the HTTPS proxy)" : "") + ": " + cec.message());
        if (via) co_await open_tunnel(lowest, url, *via);
        if (conn->tls) {
            // SNI, and the certificate must name the host we asked for.
            if (!SSL_set_tlsext_host_name(conn->tls->native_handle(), url.host.c_str())) {
                throw upstream("cannot set TLS server name for " + url.host);
            }
            conn->tls->set_verify_callback(ssl::host_name_verification(url.host));
            auto [hec] = co_await conn->tls->async_handshake(ssl::stream_base::client, use_tuple);
            if (hec) throw upstream("TLS handshake with " + url.origin() + " failed: " + hec.message());
        }
        co_return conn;
    }

    /// One exchange on `conn`. Sets `keep` when the connection may be reused; `wrote_nothing_back`
    /// is true when the failure came before any response byte (a stale pooled connection).
    template <class Stream>
    net::awaitable<ClientResponse> exchange(Stream& stream, PooledConnection& conn, bhttp::request<bhttp::string_body>& req,
                                            bool& keep, bool& nothing_back) {
        conn.lowest().expires_after(settings.request_timeout);
        auto [wec, wn] = co_await bhttp::async_write(stream, req, use_tuple);
        if (wec) {
            nothing_back = true;
            throw upstream("sending the request failed: " + wec.message());
        }
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(settings.max_response_bytes);
        auto [rec, rn] = co_await bhttp::async_read(stream, conn.buffer, parser, use_tuple);
        if (rec) {
            nothing_back = rn == 0 && (rec == bhttp::error::end_of_stream || rec == net::error::connection_reset ||
                                       rec == net::error::eof || rec == ssl::error::stream_truncated);
            throw upstream("reading the response failed: " + rec.message());
        }
        auto res = parser.release();
        keep = res.keep_alive();
        ClientResponse out;
        out.status = res.result_int();
        out.body = std::move(res.body());
        for (auto const& field : res) out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        co_return out;
    }

    net::awaitable<ClientResponse> send(ClientRequest const& request) {
        auto const url = Url::parse(request.url);
        bhttp::request<bhttp::string_body> req{request.method, url.target, 11};
        bool const default_port = (url.scheme == "https" && url.port == 443) || (url.scheme == "http" && url.port == 80);
        req.set(bhttp::field::host, default_port ? url.host : url.host + ":" + std::to_string(url.port));
        req.set(bhttp::field::user_agent, "superbot");
        for (auto const& [k, v] : request.headers) req.set(k, v);
        req.body() = request.body;
        req.keep_alive(true);
        req.prepare_payload();

        auto const origin = url.origin();
        for (int attempt = 0;; ++attempt) {
            auto conn = take_idle(origin);
            bool const reused = conn != nullptr;
            if (!conn) conn = co_await connect(url);
            bool keep = false;
            bool nothing_back = false;
            // The failure is kept and acted on outside the handler: GCC 12 mis-handles `continue`
            // and rethrow inside a catch block of a coroutine.
            std::exception_ptr failure;
            ClientResponse res;
            try {
                // No co_await inside ?: either (GCC 12 destroys such temporaries twice).
                if (conn->tls) {
                    res = co_await exchange(*conn->tls, *conn, req, keep, nothing_back);
                } else {
                    res = co_await exchange(*conn->plain, *conn, req, keep, nothing_back);
                }
            } catch (BotError const&) {
                failure = std::current_exception();
            }
            if (!failure) {
                if (keep) give_back(origin, std::move(conn));
                co_return res;
            }
            // A kept-alive connection the server closed while idle: try once more on a new one.
            if (reused && nothing_back && attempt == 0) continue;
            std::rethrow_exception(failure);
        }
    }
};

Client::Client(net::io_context& ioc, ClientSettings settings) : impl_(std::make_shared<Impl>(ioc, std::move(settings))) {}

Client::~Client() = default;

namespace {
net::awaitable<ClientResponse> run_request(std::shared_ptr<Client::Impl> impl, std::shared_ptr<ClientRequest const> request) {
    co_return co_await impl->send(*request);
}
}  // namespace

// Not a coroutine itself: GCC 12 destroys a coroutine's by-value parameter twice when the caller
// passes a braced temporary, so the request is moved to the heap here and the coroutine gets
// pointers. The shared Impl keeps the pool alive while the request runs.
net::awaitable<ClientResponse> Client::send(ClientRequest request) {
    return run_request(impl_, std::make_shared<ClientRequest const>(std::move(request)));
}

}  // namespace superbruger::bot::http
