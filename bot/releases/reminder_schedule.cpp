// Reminder schedule in Copenhagen time through Boost.DateTime's POSIX time zones (libstdc++ 12
// has no std::chrono time zone database). The rule is the EU's summer time (Directive
// 2000/84/EC): CEST from the last Sunday of March 02:00 to the last Sunday of October 03:00.
#include "bot/releases/reminder_schedule.hpp"

#include "bot/error.hpp"
#include "bot/time_format.hpp"

#include <boost/date_time/local_time/local_time.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <algorithm>

namespace superbruger::bot::releases {

namespace {

namespace lt = boost::local_time;
namespace pt = boost::posix_time;
namespace gd = boost::gregorian;

lt::time_zone_ptr copenhagen() {
    static lt::time_zone_ptr const zone(new lt::posix_time_zone(copenhagen_posix_tz));
    return zone;
}

constexpr int opens_at_hour = 8;
constexpr int closes_at_hour = 16;

pt::ptime to_ptime(TimePoint t) {
    auto const seconds = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
    return pt::from_time_t(static_cast<std::time_t>(seconds));
}

TimePoint from_ptime(pt::ptime utc) {
    auto const since = utc - pt::ptime(gd::date(1970, 1, 1));
    return TimePoint(std::chrono::seconds(since.total_seconds()));
}

lt::local_date_time local(TimePoint utc) { return lt::local_date_time(to_ptime(utc), copenhagen()); }

bool weekday(gd::date d) {
    auto const w = d.day_of_week().as_number();  // 0 = Sunday
    return w >= 1 && w <= 5;
}

/// 08:00 Copenhagen time on `d`, as UTC.
TimePoint opening(gd::date d) {
    lt::local_date_time const at(d, pt::hours(opens_at_hour), copenhagen(), lt::local_date_time::NOT_DATE_TIME_ON_ERROR);
    return from_ptime(at.utc_time());
}

}  // namespace

bool in_send_window(TimePoint utc) {
    auto const l = local(utc).local_time();
    auto const hour = l.time_of_day().hours();
    return weekday(l.date()) && hour >= opens_at_hour && hour < closes_at_hour;
}

TimePoint next_send_time(TimePoint due) {
    if (in_send_window(due)) return due;
    auto const l = local(due).local_time();
    auto day = l.date();
    // Before opening on a weekday: today at 08:00; otherwise the next weekday.
    if (!(weekday(day) && l.time_of_day().hours() < opens_at_hour)) day += gd::days(1);
    while (!weekday(day)) day += gd::days(1);
    return opening(day);
}

std::vector<TimePoint> reminder_times(std::string const& deadline, std::vector<int> const& offsets_days) {
    gd::date end;
    try {
        end = gd::from_simple_string(deadline);
    } catch (std::exception const&) {
        throw BotError(BotError::Kind::user_facing, "the deadline must be a date like 2026-12-15, not '" + deadline + "'");
    }
    auto const end_of_deadline = opening(end + gd::days(1)) - std::chrono::hours(opens_at_hour);  // about midnight
    std::vector<TimePoint> out;
    for (int offset : offsets_days) {
        auto const at = next_send_time(opening(end - gd::days(offset)));
        if (at < end_of_deadline) out.push_back(at);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace superbruger::bot::releases
