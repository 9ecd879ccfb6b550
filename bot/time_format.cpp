// ISO 8601 formatting with std::chrono (C++20 calendar types; no locale, no time zone database).
#include "bot/time_format.hpp"

#include <cstdio>

namespace superbruger::bot {

namespace {
std::string format(std::chrono::system_clock::time_point t, bool millis) {
    using namespace std::chrono;
    auto const day = floor<days>(t);
    year_month_day const ymd{day};
    hh_mm_ss const time{floor<milliseconds>(t - day)};
    char buf[40];
    if (millis) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lld.%03lldZ", int(ymd.year()), unsigned(ymd.month()),
                      unsigned(ymd.day()), static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                      static_cast<long long>(time.seconds().count()), static_cast<long long>(time.subseconds().count()));
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()), unsigned(ymd.month()),
                      unsigned(ymd.day()), static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                      static_cast<long long>(time.seconds().count()));
    }
    return buf;
}
}  // namespace

std::string utc_timestamp_millis(std::chrono::system_clock::time_point t) { return format(t, true); }
std::string utc_timestamp(std::chrono::system_clock::time_point t) { return format(t, false); }

}  // namespace superbruger::bot
