// /metrics content: process metrics, build info and the per-feature counters beside the HTTP
// ones. (scripts' promtool check covers the format: tests/packaging/check-serve.sh.)
#include "bot/feature_counters.hpp"
#include "bot/http/metrics.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <regex>

using namespace superbruger::bot;

namespace {

/// The value of the sample line that starts with `series` (name and labels), or -1.
double sample(std::string const& text, std::string const& series) {
    auto const at = text.find("\n" + series + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + series.size() + 2));
}

}  // namespace

TEST_CASE("metrics carry the standard process metrics", "[bot][metrics]") {
    auto const text = http::Metrics().render();
    CHECK(sample(text, "process_resident_memory_bytes") > 1024 * 1024);
    CHECK(sample(text, "process_virtual_memory_bytes") >= sample(text, "process_resident_memory_bytes"));
    CHECK(sample(text, "process_cpu_seconds_total") > 0);
    CHECK(sample(text, "process_max_fds") > 0);
    auto const start = sample(text, "process_start_time_seconds");
    CHECK(start > 1.7e9);  // after 2023, so seconds since the epoch, not since boot
    // The start time is boot time (whole seconds in /proc/stat) plus the process's start in clock
    // ticks, so it can lie up to a second after a time(nullptr) that truncates: allow two.
    CHECK(start <= static_cast<double>(std::time(nullptr)) + 2);
    CHECK_THAT(text, Catch::Contains("# TYPE process_cpu_seconds_total counter"));

    // Open descriptors are counted: one more open file shows.
    auto const before = sample(text, "process_open_fds");
    CHECK(before >= 3);
    int const fd = ::open("/dev/null", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(sample(http::Metrics().render(), "process_open_fds") == before + 1);
    ::close(fd);
}

TEST_CASE("metrics name the running build", "[bot][metrics]") {
    std::smatch m;
    auto const text = http::Metrics().render();
    REQUIRE(std::regex_search(text, m, std::regex("\nsuperbot_build_info\\{version=\"([0-9]+\\.[0-9]+\\.[0-9]+)\"\\} 1\n")));
    CHECK(m[1].str() != "0.0.0");
}

TEST_CASE("metrics count each feature's work", "[bot][metrics]") {
    auto const before = http::Metrics().render();
    auto& c = feature_counters();
    ++c.questions_answered;
    c.questions_declined += 2;
    ++c.change_requests_filed;
    ++c.change_requests_supported;
    c.reviews_saved += 3;
    auto const after = http::Metrics().render();
    auto const delta = [&](std::string const& series) { return sample(after, series) - sample(before, series); };
    CHECK(delta("superbot_questions_total{outcome=\"answered\"}") == 1);
    CHECK(delta("superbot_questions_total{outcome=\"declined\"}") == 2);
    CHECK(delta("superbot_change_requests_filed_total") == 1);
    CHECK(delta("superbot_change_requests_supported_total") == 1);
    CHECK(delta("superbot_release_reviews_saved_total") == 3);
    for (auto const* outcome : {"sent", "parked"}) {
        CHECK(sample(after, std::string("superbot_outbox_messages_total{outcome=\"") + outcome + "\"}") >= 0);
    }
}
