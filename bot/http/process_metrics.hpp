// The standard process metrics every Prometheus client library exports, read from /proc and
// getrusage at scrape time: https://prometheus.io/docs/instrumenting/writing_clientlibs/#process-metrics
#pragma once

#include <string>

namespace superbruger::bot::http {

/// process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
/// process_open_fds, process_max_fds and process_start_time_seconds, in the text format.
std::string render_process_metrics();

}  // namespace superbruger::bot::http
