// The config loader: any text is a configuration or a BotError{config} naming the key.
#include "bot/config.hpp"
#include "bot/error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    try {
        (void)superbruger::bot::parse_config(std::string(superbruger::fuzz::as_text(data, size)), "/nonexistent");
    } catch (superbruger::bot::BotError const&) {
    }
    return 0;
}
