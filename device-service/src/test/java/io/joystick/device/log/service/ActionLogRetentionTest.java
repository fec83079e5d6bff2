package io.joystick.device.log.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.auth.testapp.LogCapture;
import io.joystick.device.Fixtures;
import io.joystick.device.automation.config.AutomationScheduler;
import io.joystick.device.log.config.ActionLogRetentionConfig;
import io.joystick.device.log.repository.ActionLog;
import io.joystick.device.log.repository.ActionLogRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Old action-log rows go in batches: quiet ones after joystick.action-log.quiet-retention, every one after
 * joystick.action-log.retention when it is set. Each test uses its own device id and backdates its rows; other
 * tests' rows are recent, so the counts are this test's own.
 */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class ActionLogRetentionTest {

    private static final Instant NOW = Instant.now();

    @Inject
    ActionLogRetention retention;

    @Inject
    ActionLogRepository logs;

    @Inject
    ActionLogRetentionConfig config;

    @Inject
    AutomationScheduler scheduler;

    @Test
    void deletesOldQuietRowsAndKeepsRecentQuietAndOldLoudRows() {
        String device = Fixtures.unique("retained");
        insert(device, true, NOW.minus(Duration.ofDays(8)), 3);
        insert(device, true, NOW.minus(Duration.ofDays(6)), 2);
        insert(device, false, NOW.minus(Duration.ofDays(400)), 4);

        try (LogCapture captured = LogCapture.start()) {
            long deleted = retention.purge(NOW, config.quietRetention(), config.retention(),
                    config.retentionBatchSize());

            assertEquals(3, deleted);
            assertTrue(captured.from(ActionLogRetention.class.getName()).stream()
                    .anyMatch(line -> line.contains("Deleted 3 quiet action-log rows")),
                    () -> "no INFO line with the count: " + captured.lines());
        }
        assertEquals(2, remaining(device, true));
        assertEquals(4, remaining(device, false));
    }

    @Test
    void theRetentionOfAllRowsDeletesOldRowsThatAreNotQuiet() {
        String device = Fixtures.unique("all-rows");
        insert(device, false, NOW.minus(Duration.ofDays(800)), 2);
        insert(device, false, NOW.minus(Duration.ofDays(10)), 1);
        insert(device, true, NOW.minus(Duration.ofDays(1)), 1);

        long deleted = retention.purge(NOW, Duration.ofDays(7), Optional.of(Duration.ofDays(730)), 10_000);

        assertEquals(2, deleted);
        assertEquals(1, remaining(device, false));
        assertEquals(1, remaining(device, true));
    }

    @Test
    void batchesRepeatUntilNoOldRowIsLeft() {
        String device = Fixtures.unique("batched");
        insert(device, true, NOW.minus(Duration.ofDays(30)), 25);

        long deleted = retention.purge(NOW, Duration.ofDays(7), Optional.empty(), 10);

        assertEquals(25, deleted);
        assertEquals(0, remaining(device, true));
    }

    @Test
    void runsOnceADayByDefaultAndQuietRowsLastSevenDays() throws SchedulerException {
        assertEquals(Duration.ofDays(7), config.quietRetention());
        assertEquals(Optional.empty(), config.retention());
        assertEquals(10_000, config.retentionBatchSize());
        CronTrigger daily = (CronTrigger) scheduler.quartz()
                .getTrigger(TriggerKey.triggerKey(ActionLogRetention.JOB.getName(), ActionLogRetention.JOB.getGroup()));
        assertEquals("0 30 3 * * ?", daily.getCronExpression());
    }

    private void insert(String device, boolean quiet, Instant created, int rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows; i++) {
                ActionLog log = new ActionLog();
                log.deviceId = device;
                log.action = quiet ? "get-slot" : "reboot";
                log.success = true;
                log.quiet = quiet;
                log.created = created;
                logs.persist(log);
            }
        });
    }

    private long remaining(String device, boolean quiet) {
        return QuarkusTransaction.requiringNew()
                .call(() -> logs.count("deviceId = ?1 and quiet = ?2", device, quiet));
    }
}
