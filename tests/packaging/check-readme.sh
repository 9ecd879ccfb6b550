#!/usr/bin/env bash
# The README's command table names every command `superbot --help` lists.
set -euo pipefail
build=${SUPERBOT_BUILD_DIR:?} src=${SUPERBOT_SOURCE_DIR:?}
commands=$("$build/bot/superbot" --help --lang en | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[[ -n $commands ]] || { echo "FAIL: superbot --help lists no commands" >&2; exit 1; }
missing=()
for c in $commands; do
  grep -q "^| \`superbot $c[ \`]" "$src/README.md" || missing+=("$c")
done
if ((${#missing[@]})); then echo "FAIL: the README's command table lacks: ${missing[*]}" >&2; exit 1; fi
echo "README command table: ok ($(wc -w <<<"$commands") commands)"
