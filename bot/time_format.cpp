// ISO 8601 formatting with std::chrono (C++20 calendar types; no locale, no time zone database).
#include "bot/time_format.hpp"

#include <boost/date_time/local_time/local_time.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

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

char const* const copenhagen_posix_tz = "CET+01CEST+01,M3.5.0/02:00,M10.5.0/03:00";

std::string copenhagen_time(std::string const& utc_iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (utc_iso.size() < 20 || utc_iso.back() != 'Z' ||
        std::sscanf(utc_iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6) {
        return utc_iso;
    }
    try {
        namespace lt = boost::local_time;
        namespace pt = boost::posix_time;
        static lt::time_zone_ptr const zone(new lt::posix_time_zone(copenhagen_posix_tz));
        pt::ptime const utc(boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo), static_cast<unsigned short>(d)),
                            pt::hours(h) + pt::minutes(mi) + pt::seconds(sec));
        auto const local = lt::local_date_time(utc, zone).local_time();
        auto const date = local.date();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02ld:%02ld", static_cast<int>(date.year()), static_cast<int>(date.month()),
                      static_cast<int>(date.day()), static_cast<long>(local.time_of_day().hours()),
                      static_cast<long>(local.time_of_day().minutes()));
        return buf;
    } catch (std::exception const&) {  // an impossible date (2026-02-30): show what is stored
        return utc_iso;
    }
}

}  // namespace superbruger::bot
