#!/usr/bin/env bash
# `cmake --install` into a fresh prefix gives the documented layout, and the installed binary
# reads its knowledge base and Teams templates from that prefix, not from the build tree.
set -euo pipefail
build=${SUPERBOT_BUILD_DIR:?} src=${SUPERBOT_SOURCE_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"

for f in bin/superbot share/superbot/knowledge/roller/superbruger.md share/superbot/teams/manifest.template.json \
         share/superbot/teams/en-us.template.json share/superbot/teams/color.png share/superbot/teams/package \
         share/doc/superbot/runbook.md lib/systemd/system/superbot.service lib/sysusers.d/superbot.conf \
         etc/superbot/config.json etc/superbot/config.example.json; do
  [[ -e $prefix/$f ]] || fail "cmake --install did not install $f"
done
[[ -x $prefix/bin/superbot ]] || fail "bin/superbot is not executable"
grep -q "^ExecStart=$prefix/bin/superbot serve --config $prefix/etc/superbot/config.json$" \
  "$prefix/lib/systemd/system/superbot.service" || fail "the unit's ExecStart does not name the installed binary and config"
grep -q '"database": "/var/lib/superbot/superbot.sqlite"' "$prefix/etc/superbot/config.json" \
  || fail "the example config does not keep its database in /var/lib/superbot"

# The installed binary reads PREFIX/share/superbot/knowledge: a broken file put there is reported.
printf 'no header here\n' >"$prefix/share/superbot/knowledge/zz-broken.md"
config=$tmp/dev.json
printf '{"storage": {"database": "%s/db.sqlite"}}\n' "$tmp" >"$config"
set +e
out=$("$prefix/bin/superbot" knowledge check --config "$config" 2>&1)
status=$?
set -e
[[ $status == 1 ]] || fail "knowledge check on the installed copy exited $status, expected 1 (one broken file): $out"
grep -q "$prefix/share/superbot/knowledge/zz-broken.md" <<<"$out" || fail "the installed binary did not read its own share/superbot/knowledge: $out"
rm "$prefix/share/superbot/knowledge/zz-broken.md"
"$prefix/bin/superbot" knowledge check --config "$config" >/dev/null || fail "the installed knowledge base has problems"

# Teams templates from the prefix: without --templates the manifest is written.
printf '{"storage": {"database": "%s/db.sqlite"}, "teams": {"app_id": "6a0c4f55-2f3e-4c39-9d36-0d7f1b3e2a11"}}\n' "$tmp" >"$tmp/teams.json"
"$prefix/bin/superbot" teams manifest --config "$tmp/teams.json" --out "$tmp/manifest" --website https://example.org \
  --privacy https://example.org/p --terms https://example.org/t >/dev/null
[[ -s $tmp/manifest/manifest.json ]] || fail "teams manifest did not find the installed templates"

# A second install keeps an edited config.json.
echo '{}' >"$prefix/etc/superbot/config.json"
cmake --install "$build" --prefix "$prefix" >/dev/null
[[ $(cat "$prefix/etc/superbot/config.json") == '{}' ]] || fail "a reinstall overwrote etc/superbot/config.json"
echo "install layout: ok"
