// Prometheus rendering. Format: https://prometheus.io/docs/instrumenting/exposition_formats/
#include "bot/http/metrics.hpp"

#include "bot/feature_counters.hpp"
#include "bot/http/process_metrics.hpp"

#include <sstream>

#ifndef SB_VERSION
#error "SB_VERSION must be defined by the build"
#endif

namespace superbruger::bot::http {

void Metrics::observe_request(std::string_view route, unsigned status, std::chrono::duration<double> latency) {
    ++requests_[{std::string(route), status}];
    auto it = latency_.find(route);
    if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
    auto& h = it->second;
    auto const seconds = latency.count();
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
        if (seconds <= bounds_[i]) {
            ++h.buckets[i];
            break;
        }
    }
    ++h.count;
    h.sum += seconds;
}

std::string Metrics::render() const {
    std::ostringstream out;
    out << "# HELP superbot_http_requests_total HTTP requests handled, by route and status.\n"
           "# TYPE superbot_http_requests_total counter\n";
    for (auto const& [key, count] : requests_) {
        out << "superbot_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << '\n';
    }
    out << "# HELP superbot_http_request_duration_seconds Time from a whole request read to its response written.\n"
           "# TYPE superbot_http_request_duration_seconds histogram\n";
    for (auto const& [route, h] : latency_) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bounds_.size(); ++i) {
            cumulative += h.buckets[i];
            out << "superbot_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << bounds_[i] << "\"} "
                << cumulative << '\n';
        }
        out << "superbot_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count << '\n'
            << "superbot_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << '\n'
            << "superbot_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << '\n';
    }
    auto const uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    out << "# HELP superbot_http_open_connections Connections open now.\n"
           "# TYPE superbot_http_open_connections gauge\n"
           "superbot_http_open_connections "
        << open_connections_ << '\n'
        << "# HELP superbot_http_refused_connections_total Connections refused at the connection limit.\n"
           "# TYPE superbot_http_refused_connections_total counter\n"
           "superbot_http_refused_connections_total "
        << refused_connections_ << '\n'
        << "# HELP superbot_http_evicted_connections_total Idle connections closed to make room at a connection limit.\n"
           "# TYPE superbot_http_evicted_connections_total counter\n"
           "superbot_http_evicted_connections_total "
        << evicted_connections_ << '\n'
        << "# HELP superbot_uptime_seconds Seconds since the process started serving.\n"
           "# TYPE superbot_uptime_seconds gauge\n"
           "superbot_uptime_seconds "
        << uptime << '\n'
        << "# HELP superbot_knowledge_documents Knowledge documents loaded now.\n"
           "# TYPE superbot_knowledge_documents gauge\n"
           "superbot_knowledge_documents "
        << knowledge_documents_ << '\n'
        << "# HELP superbot_knowledge_problems Files or lines the last knowledge load skipped.\n"
           "# TYPE superbot_knowledge_problems gauge\n"
           "superbot_knowledge_problems "
        << knowledge_problems_ << '\n'
        << "# HELP superbot_knowledge_loads_total Knowledge loads (start-up and reloads).\n"
           "# TYPE superbot_knowledge_loads_total counter\n"
           "superbot_knowledge_loads_total "
        << knowledge_loads_ << '\n'
        << "# HELP superbot_outbox_pending Messages in the outbox waiting to be sent (due now or later).\n"
           "# TYPE superbot_outbox_pending gauge\n"
           "superbot_outbox_pending "
        << outbox_pending_ << '\n'
        << "# HELP superbot_outbox_parked Messages parked after failures, waiting for a coordinator.\n"
           "# TYPE superbot_outbox_parked gauge\n"
           "superbot_outbox_parked "
        << outbox_parked_ << '\n'
        << "# HELP superbot_outbox_messages_total Outbox send attempts by outcome; in_doubt counts sends a killed process left unfinished.\n"
           "# TYPE superbot_outbox_messages_total counter\n";
    for (auto const* outcome : {"sent", "retry_later", "parked", "in_doubt"}) {
        auto const n = outbox_outcomes_.find(std::string_view(outcome));
        out << "superbot_outbox_messages_total{outcome=\"" << outcome << "\"} " << (n == outbox_outcomes_.end() ? 0 : n->second) << '\n';
    }
    out << "# HELP superbot_background_task_failures_total Background tasks (replies, welcomes) that failed; each is logged as background_task_failed.\n"
           "# TYPE superbot_background_task_failures_total counter\n";
    for (auto const& [task, n] : background_failures_) out << "superbot_background_task_failures_total{task=\"" << task << "\"} " << n << '\n';
    auto const& f = feature_counters();
    out << "# HELP superbot_questions_total Questions by outcome: answered from the knowledge base, declined (recorded for the maintainers), or a command attempt not understood (not recorded).\n"
           "# TYPE superbot_questions_total counter\n"
           "superbot_questions_total{outcome=\"answered\"} "
        << f.questions_answered.load() << "\n"
        << "superbot_questions_total{outcome=\"declined\"} " << f.questions_declined.load() << "\n"
        << "superbot_questions_total{outcome=\"command_not_understood\"} " << f.commands_not_understood.load() << "\n"
        << "# HELP superbot_change_requests_filed_total Change requests filed in chat.\n"
           "# TYPE superbot_change_requests_filed_total counter\n"
           "superbot_change_requests_filed_total "
        << f.change_requests_filed.load() << "\n"
        << "# HELP superbot_change_requests_supported_total Municipalities recorded as supporters of an existing change request.\n"
           "# TYPE superbot_change_requests_supported_total counter\n"
           "superbot_change_requests_supported_total "
        << f.change_requests_supported.load() << "\n"
        << "# HELP superbot_release_reviews_saved_total Release-note items reviewed and saved.\n"
           "# TYPE superbot_release_reviews_saved_total counter\n"
           "superbot_release_reviews_saved_total "
        << f.reviews_saved.load() << "\n"
        << "# HELP superbot_build_info The running build; always 1.\n"
           "# TYPE superbot_build_info gauge\n"
           "superbot_build_info{version=\"" SB_VERSION "\"} 1\n"
        << render_process_metrics();
    return out.str();
}

}  // namespace superbruger::bot::http
