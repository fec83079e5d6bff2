package io.joystick.suite.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.joystick.suite.story.Http;

/**
 * The fault soak (benchmarks/fault-soak.sh): the whole suite on a private PostgreSQL with two notification-service
 * instances, fleet-service on a Mosquitto of its own and a device's edge publishing its GPS fixes to it, under
 * {@code joystick.soak.clients} (50) clients, and every fault once, one at a time, with
 * {@code joystick.soak.quiet-seconds} (30) of quiet load between them: kill -9 and restart of each service and of
 * the edge (the fixes written while it is down are never taken, so not counted), a
 * PostgreSQL restart, a device that hangs mid-command, auth-service unreachable (stopped) for
 * {@code joystick.soak.auth-outage-seconds} (300) and the broker stopped for
 * {@code joystick.soak.broker-outage-seconds} (60). Every fix the edge took must end in fleet-service's history.
 * Writes its counts to {@code target/faults/fault-soak.md}; asserts
 * nothing (the script reports). Only with {@code -Djoystick.soak=true}; the services must be built for PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSoakIT {

    private static final int CLIENTS = Integer.getInteger("joystick.soak.clients", 50);
    private static final Duration QUIET = Duration.ofSeconds(Long.getLong("joystick.soak.quiet-seconds", 30));
    private static final Duration AUTH_OUTAGE =
            Duration.ofSeconds(Long.getLong("joystick.soak.auth-outage-seconds", 300));
    private static final Duration BROKER_OUTAGE =
            Duration.ofSeconds(Long.getLong("joystick.soak.broker-outage-seconds", 60));
    private static final int HANG_TIMEOUT = 10;

    private final Ledger ledger = new Ledger(Duration.ofSeconds(15));
    private FaultedSuite faulted;

    @BeforeAll
    void startTheSuiteUnderLoad() throws Exception {
        assumeTrue(Boolean.getBoolean("joystick.soak"), "the soak runs with -Djoystick.soak=true");
        faulted = new FaultedSuite(ledger, true, true);
        faulted.prepareLoad(CLIENTS, Duration.ofSeconds(Long.getLong("joystick.soak.pace-seconds", 2))).start();
        Thread.sleep(QUIET.toMillis());
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (faulted != null) {
            faulted.close();
        }
    }

    @Test
    void everyFaultOnceUnderLoad() throws Exception {
        for (String service : List.of("auth-service", "device-service", "notification-service-a", "switcher-client",
                "telemetry-service", "fleet-service", "edge-" + FaultedSuite.DEVICE)) {
            faulted.killAndRestart(service, faulted.service(service));
            Thread.sleep(QUIET.toMillis());
        }
        faulted.fault("PostgreSQL restart", faulted.postgres::restart, Duration.ZERO, () -> {
        });
        Thread.sleep(QUIET.toMillis());
        Http.Response[] hung = new Http.Response[1];
        faulted.fault("SSH device hangs mid-command (run timeout " + HANG_TIMEOUT + " s)",
                () -> hung[0] = faulted.load.request("hanging run", null, () -> faulted.hangingRun(HANG_TIMEOUT)),
                Duration.ZERO, () -> {
                });
        System.out.println("The hanging run answered " + hung[0]);
        Thread.sleep(QUIET.toMillis());
        var auth = faulted.service("auth-service");
        faulted.fault("auth-service unreachable " + AUTH_OUTAGE.toSeconds() + " s", auth::kill, AUTH_OUTAGE,
                () -> faulted.suite.restart(auth));
        Thread.sleep(QUIET.toMillis());
        // The edge keeps reading and queues what it cannot send.
        faulted.fault("Mosquitto stopped " + BROKER_OUTAGE.toSeconds() + " s", faulted.broker::stop, BROKER_OUTAGE,
                faulted.broker::start);
        Thread.sleep(QUIET.toMillis());
        faulted.load.stop();
        faulted.endOfReadings();
        FaultedSuite.report("fault-soak", faulted.counts(Duration.ofSeconds(60)));
    }
}
