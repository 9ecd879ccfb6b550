// JWT and base64url: any compact token parses or is refused with an AdapterError; any JWKS
// document yields keys or nothing; base64url round-trips.
#include "adapters/crypto/base64.hpp"
#include "adapters/crypto/jwt.hpp"
#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdlib>

using namespace superbruger::adapters;
using namespace superbruger::adapters::crypto;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const text = superbruger::fuzz::as_text(data, size);
    if (auto const decoded = base64url_decode(text)) {
        if (base64url_decode(base64url_encode(*decoded)) != decoded) std::abort();
    }
    if (base64url_decode(base64url_encode(text)) != std::string(text)) std::abort();

    try {
        auto const token = parse_jwt(text);
        ClaimRules rules{"https://api.botframework.com", {"app"}, std::chrono::seconds(300)};
        try {
            check_claims(token, rules, std::chrono::system_clock::now());
        } catch (AdapterError const&) {
        }
    } catch (AdapterError const&) {
    }

    auto const doc = superbruger::adapters::parse_untrusted_json(text);
    if (!doc.is_discarded()) {
        try {
            for (auto const& key : parse_jwks(doc)) (void)key.verifies("RS256", "a.b", "sig");
        } catch (AdapterError const&) {
        }
    }
    return 0;
}
