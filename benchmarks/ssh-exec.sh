#!/usr/bin/env bash
# p50/p99 latency of `echo ok` over device-service's pooled MINA SSH session versus one `ssh` process
# per run (the older system's way), both against the same local OpenSSH sshd. Writes
# benchmarks/results/ssh-exec.md. Needs /usr/sbin/sshd and ssh (apt-get install -y openssh-server) and
# root (sshd's privilege separation). Usage: benchmarks/ssh-exec.sh [runs] [warm-up runs]
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-200}"
warmup="${2:-20}"

./mvnw -B -q -DskipTests install -pl auth-lib,notification-client -am
./mvnw -B -q -pl device-service test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath

classpath="device-service/target/test-classes:device-service/target/classes:$(cat device-service/target/benchmark.classpath)"
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" \
    io.joystick.device.execution.SshExecBenchmark "$runs" "$warmup" benchmarks/results/ssh-exec.md
