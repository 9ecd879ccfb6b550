// Fixture reading.
#include "tests/support/fixtures.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace superbruger::tests {

std::filesystem::path fixtures_dir() { return std::filesystem::path(SB_TESTS_DIR) / "fixtures"; }

std::string fixture(std::string_view relative) {
    auto const path = fixtures_dir() / relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("test fixture missing: " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string protocol_sample(std::string_view name) { return fixture(std::string("protocol-samples/").append(name)); }

}  // namespace superbruger::tests
