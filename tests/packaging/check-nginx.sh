#!/usr/bin/env bash
# deploy/nginx-superbot.conf: nginx accepts it (nginx -t, with a throw-away certificate), and
# its limits agree with superbot's defaults in deploy/config.example.json.
set -euo pipefail
src=${SUPERBOT_SOURCE_DIR:?}
conf=$src/deploy/nginx-superbot.conf
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v nginx >/dev/null || fail "nginx is missing (Debian package nginx-light; scripts/install-deps installs it)"

# superbot's values, from the documented example config (JSON with // comments).
read -r body request idle connect < <(python3 - "$src/deploy/config.example.json" <<'PY'
import json, re, sys
text = re.sub(r'^\s*//.*$', '', open(sys.argv[1]).read(), flags=re.M)
c = json.loads(text)
print(c["server"]["max_body_bytes"], c["server"]["request_timeout_seconds"],
      c["server"]["idle_timeout_seconds"], c["http_client"]["connect_timeout_seconds"])
PY
)
directive() { sed -n "s/^ *$1 \([^;]*\);.*/\1/p" "$conf" | head -1; }
size=$(directive client_max_body_size)
[[ $size =~ ^([0-9]+)k$ ]] || fail "client_max_body_size '$size' is not in k"
((BASH_REMATCH[1] * 1024 == body)) || fail "client_max_body_size $size != server.max_body_bytes $body"
[[ $(directive client_body_timeout) == "${request}s" ]] || fail "client_body_timeout != server.request_timeout_seconds (${request}s)"
[[ $(directive client_header_timeout) == "${request}s" ]] || fail "client_header_timeout != server.request_timeout_seconds (${request}s)"
[[ $(directive keepalive_timeout) == "${idle}s" ]] || fail "keepalive_timeout != server.idle_timeout_seconds (${idle}s)"
[[ $(directive proxy_connect_timeout) == "${connect}s" ]] || fail "proxy_connect_timeout != ${connect}s"
read_timeout=$(directive proxy_read_timeout)
((${read_timeout%s} <= 15)) || fail "proxy_read_timeout $read_timeout is longer than the 15 s Teams waits"

# nginx -t on the file as shipped, with a throw-away certificate in place of the real one.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=bot.example.dk \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" >/dev/null 2>&1
sed "s|/etc/ssl/superbot/|$tmp/|" "$conf" >"$tmp/site.conf"
cat >"$tmp/nginx.conf" <<NGINX
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    include $tmp/site.conf;
}
NGINX
nginx -t -q -e "$tmp/error.log" -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/test.log" || { cat "$tmp/test.log" "$tmp/error.log" >&2; fail "nginx -t"; }
echo "nginx example: ok"
