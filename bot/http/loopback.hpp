// is_loopback_host: whether a URL's host is this machine, where plain http is allowed (the one
// HTTP client refuses it anywhere else). Header-only, for config readers built without the client.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>

namespace superbruger::bot::http {

/// "localhost", or a loopback address ("127.0.0.1", "::1", without brackets).
inline bool is_loopback_host(std::string const& host) {
    if (host == "localhost") return true;
    boost::system::error_code ec;
    auto const address = boost::asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

}  // namespace superbruger::bot::http
