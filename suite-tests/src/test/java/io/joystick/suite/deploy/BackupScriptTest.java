package io.joystick.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/backup.sh, run for real: H2 data directories, and PostgreSQL when one is reachable. */
class BackupScriptTest {

    private static final String SCRIPT = Repository.root().resolve("deploy/backup.sh").toString();
    private static final String RESTORE = Repository.root().resolve("deploy/restore.sh").toString();
    private static final String SCHEDULE = Repository.root().resolve("deploy/backup-schedule.sh").toString();

    @TempDir
    Path temp;

    @Test
    void backsUpAStoppedLocalRunAndRestoresIt() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("auth-service"));
        Files.createDirectories(data.resolve("logs"));
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("auth-service/auth.mv.db"), "h2 pages");
        Files.writeString(data.resolve("joystick.env"), "JOYSTICK_SECRET_KEY=abc");
        Files.writeString(data.resolve("logs/auth-service.log"), "log line");
        Files.writeString(data.resolve("run/auth-service.pid"), "999999999"); // a process that is not running

        Result backup = run(Map.of(), SCRIPT, "--h2", data.toString(), "--out", temp.resolve("out").toString());
        assertEquals(0, backup.exit(), backup.output());

        Path directory = onlyChild(temp.resolve("out"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        Path archive = directory.resolve("h2-data.tar.gz");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
        assertEquals(0, run(Map.of(), "sh", "-c", "cd '" + directory + "' && sha256sum -c SHA256SUMS").exit());

        Path restored = Files.createDirectories(temp.resolve("restored"));
        assertEquals(0, run(Map.of(), "tar", "-xzf", archive.toString(), "-C", restored.toString()).exit());
        assertEquals("h2 pages", Files.readString(restored.resolve("auth-service/auth.mv.db")));
        assertEquals("JOYSTICK_SECRET_KEY=abc", Files.readString(restored.resolve("joystick.env")));
        assertTrue(Files.notExists(restored.resolve("logs")), "logs are not data");
        assertTrue(Files.notExists(restored.resolve("run")), "pid files are not data");
    }

    @Test
    void refusesToCopyH2FilesWhileAServiceRuns() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data/run"));
        Files.writeString(data.resolve("device-service.pid"), Long.toString(ProcessHandle.current().pid()));

        Result backup =
                run(Map.of(), SCRIPT, "--h2", temp.resolve("data").toString(), "--out", temp.resolve("out").toString());

        assertNotEquals(0, backup.exit());
        assertTrue(backup.output().contains("device-service is running"), backup.output());
        try (Stream<Path> left = Files.list(temp.resolve("out"))) {
            assertEquals(0, left.count(), "no half-made backup is left behind");
        }
    }

    @Test
    void refusesToRunWithoutSayingWhatToBackUp() throws Exception {
        Result backup = run(Map.of(), SCRIPT, "--out", temp.toString());
        assertEquals(2, backup.exit());
        assertTrue(backup.output().contains("--postgres and/or --h2"), backup.output());
    }

    @Test
    void restoreDropsAndRecreatesEachDatabaseSoNothingNewerSurvives() throws Exception {
        assumeTrue(run(Map.of(), "pg_isready", "-q", "-h", "127.0.0.1").exit() == 0, "no PostgreSQL on 127.0.0.1:5432");
        String db = "joystick_backup_test_" + ProcessHandle.current().pid();
        Map<String, String> pg = Map.of("PGHOST", "127.0.0.1", "PGUSER", "postgres", "JOYSTICK_DATABASES", db);
        try {
            psql("postgres", "CREATE DATABASE " + db);
            psql(db, "CREATE TABLE devices(id text primary key); INSERT INTO devices VALUES ('cam-1'), ('cam-2');"
                    + "CREATE TABLE flyway_schema_history(version text); INSERT INTO flyway_schema_history VALUES ('1')");

            Result backup = run(pg, SCRIPT, "--postgres", "--out", temp.resolve("out").toString());
            assertEquals(0, backup.exit(), backup.output());
            Path directory = onlyChild(temp.resolve("out"));
            assertTrue(Files.exists(directory.resolve(db + ".dump")) && Files.exists(directory.resolve("roles.sql")));

            // after the backup: a migration ran and data changed
            psql(db, "DELETE FROM devices; CREATE TABLE schedules(id int); CREATE SEQUENCE schedules_seq;"
                    + "INSERT INTO flyway_schema_history VALUES ('2')");
            Result restore = run(pg, RESTORE, directory.toString());
            assertEquals(0, restore.exit(), restore.output());

            assertEquals("cam-1,cam-2", psql(db, "SELECT string_agg(id, ',' ORDER BY id) FROM devices").trim());
            assertEquals("1", psql(db, "SELECT string_agg(version, ',') FROM flyway_schema_history").trim());
            assertEquals("0",
                    psql(db, "SELECT count(*) FROM pg_class WHERE relname IN ('schedules', 'schedules_seq')").trim(),
                    "objects created after the backup are gone");
        } finally {
            psql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    @Test
    void restoreRefusesABackupThatDoesNotMatchItsChecksums() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("joystick-20260101T000000Z"));
        Files.writeString(directory.resolve("auth.dump"), "dump");
        assertEquals(0, run(Map.of(), "sh", "-c", "cd '" + directory + "' && sha256sum -- * > SHA256SUMS").exit());
        Files.writeString(directory.resolve("auth.dump"), "changed");
        // PGPORT 1: had it gone on, nothing would answer there
        Result restore = run(Map.of("PGHOST", "127.0.0.1", "PGPORT", "1"), RESTORE, directory.toString());
        assertNotEquals(0, restore.exit());
        assertTrue(restore.output().contains("does not match its SHA256SUMS"), restore.output());

        Result partial = run(Map.of(), RESTORE, temp.resolve("joystick-20260101T000000Z.partial").toString());
        assertNotEquals(0, partial.exit());
        assertTrue(partial.output().contains("not a complete backup"), partial.output());
    }

    @Test
    void aFailedBackupExitsNonZeroAndLeavesNothingThatLooksComplete() throws Exception {
        Result backup =
                run(Map.of("PGHOST", "127.0.0.1", "PGPORT", "1", "PGCONNECT_TIMEOUT", "2"), SCRIPT, "--postgres",
                        "--out", temp.resolve("out").toString());

        assertNotEquals(0, backup.exit(), backup.output());
        assertTrue(backup.output().contains("FAILED"), backup.output());
        try (Stream<Path> left = Files.list(temp.resolve("out"))) {
            assertEquals(List.of(), left.toList(), "neither a partial nor a complete-looking backup is left");
        }
    }

    @Test
    void keepsTheNewestBackupsOnly() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        for (String old : List.of("20250101T000000Z", "20250102T000000Z", "20250103T000000Z", "20250104T000000Z")) {
            Files.createDirectories(out.resolve("joystick-" + old));
        }
        Files.writeString(out.resolve("README.txt"), "not a backup");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("joystick.env"), "JOYSTICK_SECRET_KEY=abc");

        Result backup = run(Map.of("BACKUP_KEEP", "3"), SCRIPT, "--h2", data.toString(), "--out", out.toString());
        assertEquals(0, backup.exit(), backup.output());

        try (Stream<Path> left = Files.list(out)) {
            List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.size(), names.toString());
            assertEquals(List.of("README.txt", "joystick-20250103T000000Z", "joystick-20250104T000000Z"),
                    names.subList(0, 3));
            assertTrue(names.get(3).matches("joystick-\\d{8}T\\d{6}Z") && names.get(3).compareTo(names.get(2)) > 0,
                    names.toString());
        }
        Result refused = run(Map.of("BACKUP_KEEP", "none"), SCRIPT, "--h2", data.toString(), "--out", out.toString());
        assertEquals(2, refused.exit(), refused.output());
    }

    @Test
    void theScheduleReportsTheLastOutcomeToTheHealthCheck() throws Exception {
        Path status = temp.resolve("backup.status");
        Map<String, String> env = Map.of("BACKUP_STATUS", status.toString());
        assertNotEquals(0, run(env, SCHEDULE, "--check").exit(), "no backup yet: not healthy");
        Files.writeString(status, "failed 2026-12-04T02:00:00Z\n");
        assertNotEquals(0, run(env, SCHEDULE, "--check").exit(), "the last backup failed");
        Files.writeString(status, "ok 2026-12-04T02:00:00Z\n");
        assertEquals(0, run(env, SCHEDULE, "--check").exit());
        Files.setLastModifiedTime(status,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        assertNotEquals(0, run(env, SCHEDULE, "--check").exit(), "the last success is overdue");
    }

    private String psql(String database, String sql) throws Exception {
        Result result =
                run(Map.of(), "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                        "-tAq", "-c", sql);
        assertEquals(0, result.exit(), result.output());
        return result.output();
    }

    private static Path onlyChild(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<Path> all = children.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(command));
        if (arguments.get(0).endsWith(".sh")) {
            arguments.add(0, "sh");
        }
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + arguments);
        return new Result(process.exitValue(), output);
    }
}
