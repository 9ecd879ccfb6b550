// The message of the BotError{config} that reading a config (or one section of it) throws, for
// tests of what the readers refuse. A reader that accepts the text fails the test.
#pragma once

#include "bot/error.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace superbruger::tests {

template <typename Read>
std::string config_error_of(std::string const& text, Read const& read) {
    try {
        read(text);
    } catch (bot::BotError const& e) {
        CHECK(e.kind() == bot::BotError::Kind::config);
        return e.what();
    }
    FAIL("the config was accepted: " << text);
    return {};
}

}  // namespace superbruger::tests
