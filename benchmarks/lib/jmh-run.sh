# Sourced, with the JMH arguments, by the JMH scripts (auth-jmh.sh, telemetry-jmh.sh): builds the module the
# benchmarks use and the JMH project, waits for a quiet machine, runs JMH with CpuTimeProfiler, and writes
# $RESULTS (and the raw JSON as $JSON). The caller sets SCRIPT_DIR, ROOT, RESULTS, JSON, JMH_DIR and
# JMH_NAME (its own name), JMH_MODULE (the Maven module benchmarked), JMH_CLASS (the benchmark class),
# JMH_TITLE, JMH_SETUP (what the inputs are) and JMH_FOOTER (a closing line for the results).

log() { printf '[%s] %s\n' "$JMH_NAME" "$*" >&2; }

# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

# Offline first (everything is usually in ~/.m2 already); online if something, e.g. JMH, is missing.
mvn_build() { (cd "$ROOT" && { ./mvnw -o -q -B "$@" || ./mvnw -q -B "$@"; }); }

log "building $JMH_MODULE (install with what it needs, tests skipped)"
mvn_build -DskipTests install -pl "$JMH_MODULE" -am
log "building the JMH project"
mvn_build -f "$JMH_DIR/pom.xml" clean package

WORK=$(mktemp -d "${TMPDIR:-/tmp}/joystick-$JMH_NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

wait_idle
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "running JMH (load average before: $LOAD_BEFORE)"
# CpuTimeProfiler adds the CPU time per operation and the CPU share of each iteration (see its Javadoc).
JMH_CMD=(java -jar "$JMH_DIR/target/benchmarks.jar" -prof io.joystick.benchmarks.CpuTimeProfiler -rf json -rff "$WORK/result.json" "$@")
TICKS_BEFORE=$(machine_ticks)
"${JMH_CMD[@]}" | tee "$WORK/jmh.out"
TICKS_AFTER=$(machine_ticks)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# The benchmark runs one thread (plus JIT and GC), so it alone keeps a 2-core machine about 50-55 % busy;
# anything above that is other work competing for the same cores.
RUN_BUSY=$(busy_between "$TICKS_BEFORE" "$TICKS_AFTER")

CPU_MODEL=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
JAVA_VERSION=$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
# The summary table JMH prints at the end, plus a µs/op column (1e6 / score) for reading it as latency.
TABLE=$(awk '/^Benchmark +Mode/{on=1} on && NF && !/^Benchmark result is saved/' "$WORK/jmh.out")
{
    echo "# $JMH_TITLE"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- Commit: $COMMIT"
    echo "- Machine: $(nproc) cores, $CPU_MODEL"
    echo "- Java: $JAVA_VERSION"
    echo "- JMH 1.37, throughput mode, 1 thread, 1 fork, 5 x 2 s warm-up + 5 x 2 s measurement (unless overridden below)${JMH_SETUP:+; $JMH_SETUP}"
    echo "- Machine busy during the run: ${RUN_BUSY}% of all $(nproc) cores (the single-threaded benchmark alone accounts for about $((100 / $(nproc)))%; the rest is other processes competing with it). Load average before $LOAD_BEFORE, after $LOAD_AFTER."
    echo "- Command: \`benchmarks/$JMH_NAME.sh${*:+ $*}\` → \`java -jar ${JMH_DIR#"$ROOT"/}/target/benchmarks.jar -prof io.joystick.benchmarks.CpuTimeProfiler -rf json -rff <file>${*:+ $*}\`"
    echo
    echo '```'
    echo "$TABLE"
    echo '```'
    echo
    echo "| benchmark | ops/s (1 thread) | wall µs/op | CPU µs/op | CPU share | ops per CPU-second |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "$TABLE" | awk -v class="$JMH_CLASS" '$1 ~ "^" class "\\." {
        split(substr($1, index($1, ".") + 1), parts, ":"); name = parts[1]
        score = NF > 5 ? $4 : $3; gsub(",", "", score)  # no Cnt/Error columns when there is one iteration
        if (!(name in seen)) { seen[name] = 1; order[++n] = name }
        if (parts[2] == "") ops[name] = score; else if (parts[2] == "cpu.us/op") cpu[name] = score; else if (parts[2] == "cpu.share") share[name] = score }
        END { for (i = 1; i <= n; i++) { b = order[i]
            printf "| %s | %.1f | %.1f | %s | %s | %s |\n", b, ops[b], 1e6 / ops[b],
                (b in cpu) ? sprintf("%.1f", cpu[b]) : "-", (b in share) ? sprintf("%.2f", share[b]) : "-",
                (b in cpu && cpu[b] > 0) ? sprintf("%.0f", 1e6 / cpu[b]) : "-" } }'
    echo
    echo "CPU µs/op is the CPU time of the whole benchmark JVM per operation (benchmark thread + JIT + GC), CPU share is CPU/wall per iteration (≈ 1.0: the thread had a core to itself); both come from CpuTimeProfiler. On a busy machine ops/s understates the code and CPU µs/op is the better number."
    echo
    echo "$JMH_FOOTER"
} >"$RESULTS"
cp "$WORK/result.json" "$JSON"
log "written to $RESULTS and $JSON"
