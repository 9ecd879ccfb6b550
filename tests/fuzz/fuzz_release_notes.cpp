// Release notes: any text splits into items (or none) without crashing.
#include "bot/releases/release_notes.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    (void)superbruger::bot::releases::split_items(superbruger::fuzz::as_text(data, size));
    return 0;
}
