package io.joystick.suite.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.joystick.auth.testapp.PackagedService;

/**
 * A PostgreSQL cluster of the test's own (initdb and pg_ctl of the newest {@code /usr/lib/postgresql/<v>/bin}) on a
 * free port of 127.0.0.1 in a temporary directory, trust authentication for {@code postgres}, so that a test can
 * restart it without touching the machine's shared server. PostgreSQL refuses to run as root: as root the commands
 * run as the {@code postgres} user, who owns the directory.
 */
public final class PrivatePostgres implements AutoCloseable {

    public final int port;
    private final Path bin;
    private final Path dir;
    private final Path data;

    public PrivatePostgres() throws Exception {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/<version>/bin/pg_ctl"));
        }
        port = PackagedService.freePort();
        dir = Files.createTempDirectory("joystick-faults-pg");
        data = dir.resolve("data");
        if (root()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "--no-sync", "-E", "UTF8"));
        start();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>}, as the tests' {@code joystick.story.postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port;
    }

    public void start() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", options(), "start"));
    }

    /** A fast restart (open connections are closed, the server comes back on the same port). */
    public void restart() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-m", "fast", "-o", options(), "restart"));
    }

    public void stop() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-m", "fast",
                "stop"));
    }

    private String options() {
        return "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off";
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            run(List.of("rm", "-rf", dir.toString()));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(String... command) {
        List<String> all = new ArrayList<>();
        if (root()) {
            all.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
