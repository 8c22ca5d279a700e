#!/usr/bin/env bash
# Prints the totals of a JaCoCo XML report on one line:
#   LABEL: lines X% (covered/total), branches Y% (covered/total)
# Usage: build/coverage-summary.sh [target/site/jacoco/jacoco.xml] [LABEL]
# The report-level counters are the last LINE and BRANCH counters in the file (the same totals as
# the HTML report's "Total" row).
set -euo pipefail
report=${1:-target/site/jacoco/jacoco.xml}
label=${2:-coverage}
if [[ ! -f $report ]]; then
  echo "$label: no JaCoCo report at $report"
  exit 0
fi
total() {
  grep -o "<counter type=\"$1\" missed=\"[0-9]*\" covered=\"[0-9]*\"/>" "$report" | tail -n 1 |
    sed -E 's/.*missed="([0-9]+)" covered="([0-9]+)".*/\1 \2/'
}
pct() {
  awk -v m="$1" -v c="$2" 'BEGIN { t = m + c; printf "%.1f%% (%d/%d)", (t ? 100 * c / t : 0), c, t }'
}
read -r line_missed line_covered < <(total LINE)
read -r branch_missed branch_covered < <(total BRANCH)
echo "$label: lines $(pct "$line_missed" "$line_covered"), branches $(pct "$branch_missed" "$branch_covered")"
