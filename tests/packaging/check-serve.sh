#!/usr/bin/env bash
# The operator's view of a running server: `superbot probe` (the container's HEALTHCHECK) says
# ready or not, /metrics passes `promtool check metrics` and carries the process, build and
# feature metrics, `superbot backup` works while the server serves, and `superbot restore`
# refuses to run under a live server.
set -euo pipefail
build=${SUPERBOT_BUILD_DIR:?}
bin=$build/bot/superbot
tmp=$(mktemp -d)
server_pid=""
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [[ -f $tmp/server.log ]] && tail -20 "$tmp/server.log" >&2; exit 1; }
command -v promtool >/dev/null || fail "promtool is missing (Debian package prometheus; scripts/install-deps installs it)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/config.json" <<JSON
{"server": {"port": $port, "pid_file": "superbot.pid"}, "storage": {"database": "data/superbot.sqlite"}}
JSON

# Nothing listening yet: probe fails (exit 1), quickly.
set +e
"$bin" probe --config "$tmp/config.json" --timeout 2 >/dev/null 2>"$tmp/probe.err"
status=$?
set -e
[[ $status == 1 ]] || fail "probe without a server exited $status, expected 1"

"$bin" serve --config "$tmp/config.json" 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  "$bin" probe --config "$tmp/config.json" --timeout 1 >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
  sleep 0.1
done
"$bin" probe --config "$tmp/config.json" >"$tmp/ready.txt" || fail "probe /readyz of a running server failed"
"$bin" probe --config "$tmp/config.json" --path /healthz >/dev/null || fail "probe /healthz of a running server failed"

# Metrics: valid exposition format, and the series operators alert on.
curl -sf "http://127.0.0.1:$port/metrics" >"$tmp/metrics.txt" || fail "GET /metrics"
promtool check metrics <"$tmp/metrics.txt" >"$tmp/promtool.txt" 2>&1 || { cat "$tmp/promtool.txt" >&2; fail "promtool check metrics"; }
for series in process_resident_memory_bytes process_cpu_seconds_total process_open_fds process_start_time_seconds \
              superbot_build_info 'superbot_questions_total{outcome="answered"}' 'superbot_questions_total{outcome="declined"}' \
              superbot_change_requests_filed_total superbot_release_reviews_saved_total \
              'superbot_outbox_messages_total{outcome="sent"}' 'superbot_outbox_messages_total{outcome="parked"}'; do
  grep -qF "$series" "$tmp/metrics.txt" || fail "/metrics lacks $series"
done

# Every metric the Grafana dashboard plots is one the server exports.
src=${SUPERBOT_SOURCE_DIR:?}
python3 - "$src/deploy/grafana-dashboard.json" "$tmp/metrics.txt" <<'PY' || fail "the dashboard plots metrics /metrics does not have"
import json, re, sys
dashboard = json.load(open(sys.argv[1]))
exported = {line.split("{")[0].split(" ")[0] for line in open(sys.argv[2]) if line and not line.startswith("#")}
exported |= {name[: -len("_bucket")] + "_bucket" for name in exported if name.endswith("_bucket")}
used = set()
for panel in dashboard["panels"]:
    for target in panel["targets"]:
        used |= set(re.findall(r"\b((?:superbot|process)_[a-z_]+)\b", target["expr"]))
missing = sorted(used - exported)
if missing or not used:
    print("missing:", missing or "no metrics used", file=sys.stderr)
    sys.exit(1)
PY

# Backup while serving; the copy opens and has the server's schema.
"$bin" backup --config "$tmp/config.json" "$tmp/backup.sqlite" >"$tmp/backup.txt" || fail "backup while serving"
[[ -s $tmp/backup.sqlite ]] || fail "no backup file"
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || fail "the server stopped being ready during the backup"
set +e
"$bin" restore --config "$tmp/config.json" "$tmp/backup.sqlite" >"$tmp/restore.txt" 2>&1
status=$?
set -e
[[ $status == 1 ]] && grep -q "stop den først" "$tmp/restore.txt" || fail "restore under a running server was not refused ($status): $(cat "$tmp/restore.txt")"

kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
"$bin" restore --config "$tmp/config.json" "$tmp/backup.sqlite" >"$tmp/restore.txt" || fail "restore after stopping: $(cat "$tmp/restore.txt")"
echo "serve, probe, metrics, backup and restore: ok"
