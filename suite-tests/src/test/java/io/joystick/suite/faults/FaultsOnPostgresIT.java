package io.joystick.suite.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * The faults that fit CI, under a steady mixed load of {@code joystick.faults.clients} (default 12) clients on the
 * packaged services on PostgreSQL with two notification-service instances: kill -9 of the instance the listeners
 * are connected to (they reconnect with {@code ?since=}), then a restart of PostgreSQL. Nothing may fail outside a
 * fault's window, hang past the client's timeout, lack its action-log row or stay undelivered. The PostgreSQL is a
 * private cluster of the test's own (restarting the machine's shared one would hurt everything else on it); like
 * StoryOnPostgresIT it runs only in .ci/run's PostgreSQL pass ({@code -Djoystick.story.postgres}), which builds the
 * services for PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsOnPostgresIT {

    private static final int CLIENTS = Integer.getInteger("joystick.faults.clients", 12);
    private static final Duration QUIET = Duration.ofSeconds(Long.getLong("joystick.faults.quiet-seconds", 10));

    private final Ledger ledger = new Ledger(Duration.ofSeconds(15));
    private FaultedSuite faulted;

    @BeforeAll
    void startTheSuiteUnderLoad() throws Exception {
        assumeTrue(!System.getProperty("joystick.story.postgres", "").isBlank(),
                "runs in the PostgreSQL pass of .ci/run (-Djoystick.story.postgres=jdbc:postgresql://…)");
        faulted = new FaultedSuite(ledger, false);
        faulted.prepareLoad(CLIENTS, Duration.ofSeconds(1)).start();
        Thread.sleep(QUIET.toMillis());
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (faulted != null) {
            faulted.close();
        }
    }

    @Test
    @Order(1)
    void theListenersReconnectWithSinceWhenTheirNotificationInstanceIsKilled() throws Exception {
        int before = faulted.load.reconnects();
        faulted.killAndRestart("notification-service (the listeners' instance)", faulted.notificationA);
        Thread.sleep(QUIET.toMillis());
        assertTrue(faulted.load.reconnects() >= before + CLIENTS, "every listener reconnected");
    }

    @Test
    @Order(2)
    void theSuiteRidesOutAPostgresRestart() throws Exception {
        faulted.fault("PostgreSQL restart", faulted.postgres::restart, Duration.ZERO, () -> {
        });
        Thread.sleep(QUIET.toMillis());
    }

    @Test
    @Order(3)
    void nothingFailsOutsideAFaultHangsOrIsLost() throws Exception {
        faulted.load.stop();
        List<Ledger.Counts> counts = faulted.counts(Duration.ofSeconds(30));
        FaultedSuite.report("faults-on-postgres", counts);
        assertEquals(3, counts.size(), "the baseline and two faults");
        assertAll(counts.stream().flatMap(c -> Stream.<Executable>of(
                () -> assertEquals(0, c.failedOutsideWindow(),
                        c.fault() + ": failed outside the window " + c.examples()),
                () -> assertEquals(0, c.hung(), c.fault() + ": hung past the client's timeout"),
                () -> assertEquals(0, c.missingActionLogs(), c.fault() + ": runs answered without an action-log row"),
                () -> assertEquals(0, c.undelivered(), c.fault() + ": notifications stored but never delivered"))));
        assertTrue(counts.stream().allMatch(c -> c.requests() > 0), "the load ran in every phase");
    }
}
