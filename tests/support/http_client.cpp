// Blocking test clients over Asio.
#include "tests/support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>

#include <poll.h>

namespace superbruger::tests {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

HttpResponse http_request(std::uint16_t port, beast::http::verb method, std::string const& target, std::string const& body,
                          std::string const& content_type, std::vector<std::pair<std::string, std::string>> const& headers) {
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    beast::http::request<beast::http::string_body> req{method, target, 11};
    req.set(beast::http::field::host, "127.0.0.1");
    if (!body.empty()) req.set(beast::http::field::content_type, content_type);
    for (auto const& [name, value] : headers) req.set(name, value);
    req.body() = body;
    req.prepare_payload();
    beast::http::write(stream, req);
    beast::flat_buffer buffer;
    HttpResponse res;
    beast::http::read(stream, buffer, res);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return res;
}

RawExchange raw_exchange(std::uint16_t port, std::string const& bytes, std::chrono::milliseconds wait) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    beast::error_code ec;
    if (!bytes.empty()) net::write(socket, net::buffer(bytes), ec);
    RawExchange out;
    auto const deadline = std::chrono::steady_clock::now() + wait;
    char chunk[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd pfd{socket.native_handle(), POLLIN, 0};
        auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (::poll(&pfd, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
        auto n = socket.read_some(net::buffer(chunk), ec);
        if (ec) {
            out.closed_by_server = true;
            break;
        }
        out.received.append(chunk, n);
    }
    return out;
}

struct IdleConnections::Impl {
    net::io_context ioc;
    std::vector<tcp::socket> sockets;
};

IdleConnections::IdleConnections(std::uint16_t port, std::size_t count) : impl_(std::make_unique<Impl>()) {
    impl_->sockets.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        tcp::socket s(impl_->ioc);
        s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        impl_->sockets.push_back(std::move(s));
    }
}

IdleConnections::~IdleConnections() = default;

std::size_t IdleConnections::closed_by_server() {
    std::size_t closed = 0;
    for (auto& s : impl_->sockets) {
        pollfd pfd{s.native_handle(), POLLIN, 0};
        if (::poll(&pfd, 1, 0) > 0) ++closed;  // readable with nothing sent to it: EOF or reset
    }
    return closed;
}

std::uint16_t free_port() {
    net::io_context ioc;
    tcp::acceptor acceptor(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

}  // namespace superbruger::tests
