#!/usr/bin/env bash
# The console's first-visit weight: builds the web app (npm ci + vite build in console/src/main/webui) and
# measures, gzipped, the JavaScript and CSS that index.html loads before anything else (its <script> and
# modulepreload/stylesheet links), against the budget of 250 KB of initial JavaScript. Chunks loaded later
# (the admin pages) are listed apart. Writes benchmarks/results/console-bundle.md.
#
# Usage: benchmarks/console-bundle.sh          Knobs: BUDGET_KB=250 RESULTS=<file>
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
WEBUI=$ROOT/console/src/main/webui
RESULTS=${RESULTS:-$SCRIPT_DIR/results/console-bundle.md}
BUDGET_KB=${BUDGET_KB:-250}

command -v node >/dev/null || { echo "Node.js 20+ is required" >&2; exit 1; }
cd "$WEBUI"
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build >/dev/null

gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

initial_js=0 initial_css=0
rows=""
for asset in $(grep -oE '(src|href)="/assets/[^"]+"' dist/index.html | sed -E 's/.*"\/(assets\/[^"]+)"/\1/' | sort -u); do
    size=$(gz "dist/$asset")
    case "$asset" in
        *.js) initial_js=$((initial_js + size)) ;;
        *.css) initial_css=$((initial_css + size)) ;;
    esac
    rows+="| $asset | initial | $(kb "$size") |"$'\n'
done
for asset in dist/assets/*.js; do
    name=${asset#dist/}
    grep -q "$name" dist/index.html && continue
    rows+="| $name | on demand | $(kb "$(gz "$asset")") |"$'\n'
done

verdict=$([ "$initial_js" -le $((BUDGET_KB * 1024)) ] && echo "within" || echo "OVER")
{
    echo "# Console bundle"
    echo
    echo "Measured $(date -u +%FT%TZ) by benchmarks/console-bundle.sh (gzip -9; Node $(node -v))."
    echo
    echo "**Initial JavaScript: $(kb "$initial_js") KB gzipped — $verdict the budget of $BUDGET_KB KB.** Initial CSS: $(kb "$initial_css") KB."
    echo
    echo "| file | loaded | KB gzipped |"
    echo "| --- | --- | --- |"
    printf '%s' "$rows"
} > "$RESULTS"
cat "$RESULTS"
[ "$verdict" = within ]
