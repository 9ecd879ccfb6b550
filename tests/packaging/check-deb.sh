#!/usr/bin/env bash
# The Debian package: built by CPack from this build folder, with dependencies from
# dpkg-shlibdeps, the service user, the state directory, a unit that passes `systemd-analyze
# verify` and rates at most 2.5 in `systemd-analyze security`, and sound maintainer scripts.
set -euo pipefail
build=${SUPERBOT_BUILD_DIR:?} src=${SUPERBOT_SOURCE_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps systemd-analyze; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps installs it)"
done

"$src/scripts/package-deb" "$build" "$tmp/out" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$tmp"/out/superbot_*.deb)
info=$(dpkg-deb -I "$deb")
contents=$(dpkg-deb -c "$deb")
paths=$(awk '{print $6}' <<<"$contents")

grep -q '^ Package: superbot$' <<<"$info" || fail "package name: $info"
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
for lib in libc6 libssl3 libsqlite3-0 libstemmer0d libstdc++6; do
  grep -q "\b$lib\b" <<<"$depends" || fail "Depends lacks $lib (from dpkg-shlibdeps): $depends"
done
grep -q 'ca-certificates' <<<"$depends" || fail "Depends lacks ca-certificates: $depends"
if grep -q 'libsqlitecpp' <<<"$depends"; then fail "Depends names libsqlitecpp (linked statically; no such runtime package)"; fi

for f in ./usr/bin/superbot ./usr/share/superbot/knowledge/roller/superbruger.md ./usr/share/superbot/teams/manifest.template.json \
         ./usr/lib/systemd/system/superbot.service ./usr/lib/sysusers.d/superbot.conf \
         ./etc/superbot/config.json ./etc/superbot/config.example.json ./usr/share/doc/superbot/runbook.md; do
  grep -qxF "$f" <<<"$paths" || fail "the package lacks $f"
done
if grep -q '^./usr/etc\|^./usr/local' <<<"$paths"; then fail "files outside /usr and /etc: $contents"; fi

# Maintainer scripts: present, POSIX sh that parses, creating the user; conffiles for /etc.
dpkg-deb -e "$deb" "$tmp/control"
for s in postinst prerm postrm; do
  [[ -x $tmp/control/$s ]] || fail "no executable $s"
  sh -n "$tmp/control/$s" || fail "$s does not parse"
done
grep -q 'systemd-sysusers superbot.conf' "$tmp/control/postinst" || fail "postinst does not create the superbot user"
grep -qx '/etc/superbot/config.json' "$tmp/control/conffiles" || fail "config.json is not a conffile"

# The unit, as installed from the package into an empty root.
root=$tmp/root
dpkg-deb -x "$deb" "$root"
unit=$root/usr/lib/systemd/system/superbot.service
grep -q '^u superbot ' "$root/usr/lib/sysusers.d/superbot.conf" || fail "sysusers.d does not define the superbot user"
# What postinst's systemd-sysusers makes of it: a system user with no login.
mkdir -p "$tmp/users/etc" "$tmp/users/usr/lib/sysusers.d"
cp "$root/usr/lib/sysusers.d/superbot.conf" "$tmp/users/usr/lib/sysusers.d/"
systemd-sysusers --root="$tmp/users" superbot.conf >/dev/null 2>&1 || fail "systemd-sysusers superbot.conf"
IFS=: read -r name _ uid _ _ home shell < <(grep '^superbot:' "$tmp/users/etc/passwd") || fail "systemd-sysusers made no superbot user"
((uid > 0 && uid < 1000)) || fail "superbot's uid $uid is not a system uid"
[[ $home == /var/lib/superbot && $shell == /usr/sbin/nologin ]] || fail "superbot's home $home or shell $shell"
grep -qx 'ExecStart=/usr/bin/superbot serve --config /etc/superbot/config.json' "$unit" || fail "ExecStart: $(grep ExecStart "$unit")"
grep -qx 'StateDirectory=superbot' "$unit" || fail "no StateDirectory=superbot"
grep -qx 'User=superbot' "$unit" || fail "no User=superbot"
# verify checks that the commands exist: the packaged unit, with its binary where the package
# put it (the rest, /bin/kill and the targets, from this system; --root would need a whole
# installed system).
mkdir "$tmp/verify"
sed "s|^ExecStart=/usr/bin/superbot |ExecStart=$root/usr/bin/superbot |" "$unit" >"$tmp/verify/superbot.service"
systemd-analyze verify "$tmp/verify/superbot.service" >"$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log" >&2; fail "systemd-analyze verify"; }
if [[ -s $tmp/verify.log ]]; then cat "$tmp/verify.log" >&2; fail "systemd-analyze verify printed warnings"; fi
systemd-analyze security --offline=true --threshold=25 "$unit" >"$tmp/security.log" 2>&1 \
  || { tail -3 "$tmp/security.log" >&2; fail "systemd-analyze security rates the unit above 2.5"; }
tail -1 "$tmp/security.log"

# The packaged example config: database under /var/lib/superbot, the state directory.
grep -q '"database": "/var/lib/superbot/superbot.sqlite"' "$root/etc/superbot/config.json" || fail "config.json's database is not in /var/lib/superbot"
# The packaged binary finds the packaged knowledge base beside it.
printf '{"storage": {"database": ":memory:"}}\n' >"$tmp/memory.json"
"$root/usr/bin/superbot" knowledge check --config "$tmp/memory.json" >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log" >&2; fail "the packaged knowledge base does not load"; }
echo "debian package: ok ($(basename "$deb"))"
