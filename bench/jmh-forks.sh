#!/usr/bin/env bash
# bench/jmh-forks.sh: the rule engine's JMH benchmark, five forks per run, throughput mode, on two
# source trees interleaved (before, after, after, before), so that a build whose result depends on
# the fork (the JIT's inlining order) shows it and the machine's drift hits both alike.
#
#   bench/jmh-forks.sh /path/to/before-tree /path/to/after-tree
#
# Each tree: a `git archive` copy of a commit. It is compiled with the bench profile first. Results:
# target/jmh-forks-<n>-<before|after>.json in the current directory, one line per benchmark printed.
set -euo pipefail
before="$1"; after="$2"; out="$(pwd)/target"; mkdir -p "$out"
for d in "$before" "$after"; do
  (cd "$d" && mvn -B -o -q -Pbench test-compile -Dcyclonedx.skip=true &&
    mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test)
done
n=0
for pair in "before:$before" "after:$after" "after:$after" "before:$before"; do
  n=$((n + 1)); name="${pair%%:*}"; dir="${pair#*:}"
  echo "== run $n $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$dir" && java -cp "target/test-classes:target/classes:$(cat cp.txt)" org.openjdk.jmh.Main \
    RuleEngineBenchmark -f 5 -bm thrpt -rf json -rff "$out/jmh-forks-$n-$name.json" |
    grep -E '^RuleEngineBenchmark\.')
done
