// Test fixtures: files under tests/fixtures/, the only data the tests read besides the bundled
// knowledge base. A missing fixture fails the test loudly instead of reading as an empty body.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace superbruger::tests {

std::filesystem::path fixtures_dir();

/// The bytes of tests/fixtures/<relative>. Throws std::runtime_error naming the file when it
/// is missing or unreadable.
std::string fixture(std::string_view relative);

/// A platform's published sample payload (tests/fixtures/protocol-samples/<name>, sources in
/// that folder's README).
std::string protocol_sample(std::string_view name);

}  // namespace superbruger::tests
