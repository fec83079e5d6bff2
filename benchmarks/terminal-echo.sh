#!/usr/bin/env bash
# Keystroke-to-echo p50/p99 of device-service's web terminal over loopback: a JDK WebSocket client types one
# character at a time into /api/terminal/{device} and waits for the PTY's echo from OpenSSH's sshd; once
# alone, once while a second terminal floods (`cat /dev/zero | base64`). Target p99 < 30 ms.
# Writes benchmarks/results/terminal-echo.md. Needs /usr/sbin/sshd (apt-get install -y openssh-server).
# Usage: benchmarks/terminal-echo.sh [keystrokes]
set -euo pipefail
cd "$(dirname "$0")/.."

keystrokes="${1:-300}"
./mvnw -B -q test -pl device-service -am -Dtest=TerminalEchoBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.terminal=true -Dbenchmark.keystrokes="$keystrokes" \
    -Dbenchmark.results="$PWD/benchmarks/results/terminal-echo.md"
cat benchmarks/results/terminal-echo.md
