#!/bin/sh
# Measures what `biome check --write` would change, on a scratch copy of the working tree's
# tracked and untracked (not ignored) files: never writes the working tree. Prints a diffstat.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root"
{ git ls-files; git ls-files --others --exclude-standard; } | sort -u | while IFS= read -r f; do
  [ -f "$f" ] || continue
  mkdir -p "$scratch/a/$(dirname "$f")" "$scratch/b/$(dirname "$f")"
  cp "$f" "$scratch/a/$f"
  cp "$f" "$scratch/b/$f"
done
cd "$scratch/b"
git init -q
ln -s "$root/node_modules" node_modules
"$root/node_modules/.bin/biome" check --write --max-diagnostics=none . >/dev/null 2>&1 || true
rm -rf node_modules .git
cd "$scratch"
diff -ruN a b >"$scratch/diff" || true
awk '/^\+\+\+ /{f=$2; sub(/^b\//,"",f); n++} /^\+[^+]/{a[f]++; ta++} /^-[^-]/{d[f]++; td++}
  END {for (k in a) printf "%6d+ %6d-  %s\n", a[k], d[k], k; for (k in d) if (!(k in a)) printf "%6d+ %6d-  %s\n", 0, d[k], k;
       printf "%d files, +%d -%d lines\n", n, ta, td}' "$scratch/diff" | sort -k3
