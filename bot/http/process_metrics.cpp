#include "bot/http/process_metrics.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace superbruger::bot::http {

namespace {

// Taken when the program starts (static initialisation): /proc/stat, which holds the boot time
// the kernel's own start time is relative to, is hidden under the unit's ProcSubset=pid.
double const start_time_seconds =
    std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

/// /proc/self/statm: sizes in pages, the first two the virtual and resident size (proc(5)).
std::pair<double, double> memory_bytes() {
    std::ifstream statm("/proc/self/statm");
    double pages_virtual = 0, pages_resident = 0;
    statm >> pages_virtual >> pages_resident;
    double const page = static_cast<double>(sysconf(_SC_PAGESIZE));
    return {pages_virtual * page, pages_resident * page};
}

long open_fds() {
    std::error_code ec;
    long n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n > 0 ? n - 1 : 0;  // not counting the descriptor the iteration itself holds open
}

}  // namespace

std::string render_process_metrics() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto const seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    auto const [virtual_bytes, resident_bytes] = memory_bytes();

    std::ostringstream out;
    out.precision(15);
    out << "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n"
           "# TYPE process_cpu_seconds_total counter\n"
           "process_cpu_seconds_total "
        << seconds(usage.ru_utime) + seconds(usage.ru_stime) << '\n'
        << "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
           "# TYPE process_resident_memory_bytes gauge\n"
           "process_resident_memory_bytes "
        << resident_bytes << '\n'
        << "# HELP process_virtual_memory_bytes Virtual memory size in bytes.\n"
           "# TYPE process_virtual_memory_bytes gauge\n"
           "process_virtual_memory_bytes "
        << virtual_bytes << '\n'
        << "# HELP process_open_fds Number of open file descriptors.\n"
           "# TYPE process_open_fds gauge\n"
           "process_open_fds "
        << open_fds() << '\n'
        << "# HELP process_max_fds Maximum number of open file descriptors.\n"
           "# TYPE process_max_fds gauge\n"
           "process_max_fds "
        << (files.rlim_cur == RLIM_INFINITY ? -1.0 : static_cast<double>(files.rlim_cur)) << '\n'
        << "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
           "# TYPE process_start_time_seconds gauge\n"
           "process_start_time_seconds "
        << start_time_seconds << '\n';
    return out.str();
}

}  // namespace superbruger::bot::http
