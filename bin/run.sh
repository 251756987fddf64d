#!/usr/bin/env bash
# Exercism's test-runner interface: bin/run.sh SLUG INPUT_DIR OUTPUT_DIR. SLUG is a day (day1 … day6), INPUT_DIR the
# student's tree laid out like days/ (read only: nothing is written there), OUTPUT_DIR where results.json goes.
# Exits 0 whenever the run itself worked and wrote results.json, whatever the tests say; 1 when it could not.
set -u
if [ "$#" -ne 3 ]; then
  echo "usage: bin/run.sh SLUG INPUT_DIR OUTPUT_DIR (e.g. bin/run.sh day1 /solution/ /output/)" >&2
  exit 2
fi
slug="$1" input="$2" output="$3"
workbook="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$output" && output="$(cd "$output" && pwd)"
[ -d "$input" ] && input="$(cd "$input" && pwd)"
rm -f "$output/results.json"
cd "$workbook" && node --import tsx grader/cli.ts check "$slug" --target "$input" --format exercism --json "$output/results.json" >&2
[ -s "$output/results.json" ] && exit 0
echo "bin/run.sh: the grader wrote no results.json for $slug (see above)" >&2
exit 1
