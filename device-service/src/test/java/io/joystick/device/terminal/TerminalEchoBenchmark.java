package io.joystick.device.terminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.joystick.device.execution.OpenSshServer;
import io.joystick.device.execution.SshTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Keystroke-to-echo latency of the web terminal over loopback (WebSocket → device-service → OpenSSH's sshd
 * → PTY echo → back), alone and while a second terminal floods. Run by benchmarks/terminal-echo.sh only.
 */
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@EnabledIfSystemProperty(named = "benchmark.terminal", matches = "true")
class TerminalEchoBenchmark {

    @Test
    void measuresKeystrokeToEcho() throws Exception {
        int keystrokes = Integer.getInteger("benchmark.keystrokes", 300);
        Path results = Path.of(System.getProperty("benchmark.results", "target/terminal-echo.md"));
        try (OpenSshServer sshd = OpenSshServer.start(Files.createTempDirectory("openssh-terminal-bench"))) {
            SshTarget target = sshd.target("unused");
            String user = Fixtures.unique("bench");
            String device = Fixtures.device(Fixtures.model(), Map.of("host", "127.0.0.1", "port", sshd.port(),
                    "user", target.user(), "key", target.privateKeyPem()), user);
            String token = Fixtures.user(user, TerminalTest.PERMISSION);
            long[] alone;
            long[] beside;
            try (TerminalClient echo = TerminalClient.open(device, token)) {
                echo.type("stty -icanon; echo ready-$((1+1))\r");
                echo.awaitOutput("ready-2");
                measure(echo, 30);
                alone = measure(echo, keystrokes);
                try (TerminalClient flood = TerminalClient.open(device, token)) {
                    flood.session();
                    flood.type("cat /dev/zero | base64\r");
                    Thread.sleep(1000);
                    beside = measure(echo, keystrokes);
                }
            }
            String report = "# Web terminal: keystroke to echo (loopback, OpenSSH sshd)\n\n"
                    + "| case | keystrokes | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
                    + row("alone", alone) + row("beside a terminal running `cat /dev/zero | base64`", beside)
                    + "\nTarget: p99 < 30 ms. Measured " + java.time.Instant.now() + " with "
                    + Runtime.getRuntime().availableProcessors() + " CPUs.\n";
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            System.out.println(report);
        }
    }

    /** Types one character at a time and waits for its echo. */
    private static long[] measure(TerminalClient terminal, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            int before = terminal.output().length();
            long start = System.nanoTime();
            terminal.type("x");
            long deadline = start + TimeUnit.SECONDS.toNanos(10);
            while (terminal.output().length() <= before && System.nanoTime() < deadline) {
                LockSupport.parkNanos(20_000);
            }
            nanos[i] = System.nanoTime() - start;
            if (i % 60 == 59) {
                terminal.type("\u0015"); // Ctrl-U: clear the typed line
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        return nanos;
    }

    private static String row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "| " + name + " | " + sorted.length + " | " + ms(sorted[sorted.length / 2]) + " | "
                + ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]) + " | " + ms(sorted[sorted.length - 1]) + " |\n";
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
