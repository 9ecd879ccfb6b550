#!/usr/bin/env bash
# deploy/Containerfile, without a container engine: the runtime stage runs as a non-root user,
# keeps the database on a volume, checks health through `superbot probe`, uses the container
# config (0.0.0.0, /var/lib/superbot), and copies from the build stage only paths that the
# build stage's `cmake --install` really produces.
set -euo pipefail
build=${SUPERBOT_BUILD_DIR:?} src=${SUPERBOT_SOURCE_DIR:?}
file=$src/deploy/Containerfile
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
runtime=$(sed -n '/^FROM debian:bookworm-slim/,$p' "$file")
[[ -n $runtime ]] || fail "no bookworm-slim runtime stage"
grep -qx 'USER superbot' <<<"$runtime" || fail "the runtime stage does not switch to the superbot user"
grep -q 'useradd --system' <<<"$runtime" || fail "the runtime stage creates no system user"
grep -qx 'VOLUME /var/lib/superbot' <<<"$runtime" || fail "no VOLUME /var/lib/superbot"
grep -A1 '^HEALTHCHECK' <<<"$runtime" | grep -q 'superbot", "probe"' || fail "HEALTHCHECK does not run superbot probe"
grep -q '^COPY deploy/config.container.json /etc/superbot/config.json$' <<<"$runtime" || fail "the image does not use deploy/config.container.json"
grep -q '"address": "0.0.0.0"' "$src/deploy/config.container.json" || fail "the container config does not listen on 0.0.0.0"
grep -q '"database": "/var/lib/superbot/' "$src/deploy/config.container.json" || fail "the container config keeps the database off the volume"
if grep -q 'SB_BUNDLED_KNOWLEDGE_DIR\|/src/build/\|/src/knowledge' "$file"; then fail "the image points into the build tree"; fi

# The build stage's install, as the Containerfile runs it: DESTDIR=/staging, prefix /usr.
DESTDIR=$tmp/staging cmake --install "$build" --prefix /usr >/dev/null
while read -r from; do
  [[ -e $tmp$from ]] || fail "COPY --from=build $from: the install does not produce it"
done < <(sed -n 's|^COPY --from=build \(/staging/[^ ]*\) .*|\1|p' "$file")
[[ -x $tmp/staging/usr/bin/superbot && -d $tmp/staging/usr/share/superbot/knowledge && -d $tmp/staging/usr/share/superbot/teams ]] \
  || fail "the staged install lacks the binary, knowledge base or Teams templates"
echo "container file: ok"
