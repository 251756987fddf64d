#!/usr/bin/env bash
# The one repository-wide reformat: prettier over the workbook's code (.prettierrc.json, .prettierignore), then what
# follows from it, in one commit that .git-blame-ignore-revs names. Run it once, on a clean main, after every branch
# that was open has merged (a reformat under an open branch turns its every line into a conflict):
#   bash grader/tools/reformat.sh
# Tried on this branch first: prettier changes 179 files (checkpoints, course, grader, harness, test); solutions/ and
# days/ are already formatted, so the planted bugs (test/fixtures/**/bug.patch, diffs against solutions/) still apply
# as they are, and test/fixtures/ is left out (a whole-file fixture's bug may be its very formatting). What has to
# follow is the tamper list (grader/checksums.json hashes every file that decides a verdict) — and the checks below.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -n "$(git status --porcelain)" ]; then
  echo "The working tree has changes: commit or stash them first, so that the reformat commit holds the reformat alone." >&2
  exit 1
fi

npx prettier --write . > /dev/null
# Derived files follow the code: the tamper list's checksums (and anything else `--write` derives).
node --import tsx grader/tools/lint-course.ts --write
# The planted bugs must still apply to solutions/ and every derived file agree: the course lint checks both.
node --import tsx grader/tools/lint-course.ts
npx tsc -p tsconfig.json
npx oxlint --type-aware --deny-warnings course harness checkpoints grader test
npx prettier --check . > /dev/null

git add -A
git commit -q -m "Reformat: prettier over the workbook's code (grader/tools/reformat.sh; no change of behaviour)"
sha=$(git rev-parse HEAD)
printf '# %s\n%s\n' "The one prettier reformat (grader/tools/reformat.sh): git blame skips it" "$sha" >> .git-blame-ignore-revs
git add .git-blame-ignore-revs
git commit -q -m "Name the reformat in .git-blame-ignore-revs"
git config blame.ignoreRevsFile .git-blame-ignore-revs
echo "Reformatted in $sha and named it in .git-blame-ignore-revs. Now run npm run test:unit, then npm test."
