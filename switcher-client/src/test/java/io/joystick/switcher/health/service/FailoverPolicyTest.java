package io.joystick.switcher.health.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.joystick.switcher.health.service.SlotHealth.Status;

/** The failover rules against a scripted probe and a hand-moved clock: no scheduler, no waiting. */
class FailoverPolicyTest {

    static final Duration HOLD = Duration.ofMinutes(2);
    static final Duration FAILBACK_AFTER = Duration.ofMinutes(5);

    MutableClock clock;
    ScriptedProbe probe;
    DeviceHealth health;

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        probe = new ScriptedProbe();
        health = new DeviceHealth("cam1");
    }

    FailoverPolicy policy(boolean failback) {
        return new FailoverPolicy(new FailoverPolicy.Settings(2, HOLD, failback, FAILBACK_AFTER), clock);
    }

    /** What the monitor does with a decision, minus the I/O. */
    Decision checkAndApply(FailoverPolicy policy) {
        Decision decision = policy.evaluate(health, probe);
        if (decision.switches()) {
            health.switched(decision.switchTo(), decision.reason(), clock.instant());
        }
        clock.advance(Duration.ofSeconds(30));
        return decision;
    }

    @Test
    void healthyActiveSlotStaysAndOnlyItIsChecked() {
        FailoverPolicy policy = policy(false);
        for (int i = 0; i < 5; i++) {
            assertFalse(checkAndApply(policy).switches());
        }
        assertEquals("primary", health.activeSlot());
        assertEquals(List.of("primary", "primary", "primary", "primary", "primary"), probe.checks);
        assertEquals(Status.HEALTHY, health.slot("primary").status());
        assertEquals(Status.UNKNOWN, health.slot("secondary").status());
    }

    @Test
    void oneFailureDoesNotSwitchNorCheckTheOtherSlot() {
        probe.down("primary");
        Decision decision = checkAndApply(policy(false));
        assertFalse(decision.switches());
        assertEquals(List.of("primary"), probe.checks);
        assertEquals(1, health.slot("primary").consecutiveFailures());
    }

    @Test
    void aSuccessInBetweenResetsTheFailureCount() {
        FailoverPolicy policy = policy(false);
        probe.down("primary");
        checkAndApply(policy);
        probe.up("primary");
        checkAndApply(policy);
        probe.down("primary");
        assertFalse(checkAndApply(policy).switches());
        assertEquals(1, health.slot("primary").consecutiveFailures());
    }

    @Test
    void thresholdFailuresWithHealthyAlternateSwitchOnce() {
        FailoverPolicy policy = policy(false);
        probe.down("primary");
        assertFalse(checkAndApply(policy).switches());
        Decision second = checkAndApply(policy);
        assertTrue(second.switches());
        assertEquals("secondary", second.switchTo());
        assertEquals(List.of("primary", "primary", "secondary"), probe.checks);
        for (int i = 0; i < 5; i++) {
            assertFalse(checkAndApply(policy).switches(), "switched again on check " + i);
        }
        assertEquals("secondary", health.activeSlot());
        assertEquals(Status.UNHEALTHY, health.slot("primary").status());
    }

    @Test
    void bothSlotsUnhealthyDoesNotSwitch() {
        FailoverPolicy policy = policy(false);
        probe.down("primary").down("secondary");
        for (int i = 0; i < 4; i++) {
            assertFalse(checkAndApply(policy).switches());
        }
        assertEquals("primary", health.activeSlot());
        assertEquals(Status.UNHEALTHY, health.slot("secondary").status());
        assertNull(health.lastSwitch());
    }

    @Test
    void inconclusiveChecksCountNeitherWay() {
        FailoverPolicy policy = policy(false);
        probe.down("primary");
        checkAndApply(policy);
        probe.unknown("primary");
        for (int i = 0; i < 3; i++) {
            assertFalse(checkAndApply(policy).switches());
        }
        assertEquals(1, health.slot("primary").consecutiveFailures());
        assertEquals("device-service unavailable", health.slot("primary").lastError());
    }

    @Test
    void holdTimePreventsFlappingBackAndForth() {
        FailoverPolicy policy = policy(false);
        probe.down("primary");
        checkAndApply(policy);
        assertTrue(checkAndApply(policy).switches()); // now on secondary, at t=30s
        probe.up("primary").down("secondary");
        assertFalse(checkAndApply(policy).switches());
        Decision held = checkAndApply(policy); // threshold reached on secondary at t=90s, inside the hold time
        assertFalse(held.switches());
        assertTrue(held.reason().startsWith("hold time"), held.reason());
        assertEquals("secondary", health.activeSlot());
        clock.advance(HOLD);
        Decision after = checkAndApply(policy);
        assertEquals("primary", after.switchTo());
    }

    @Test
    void aSwitchHeldByTheHoldTimeSaysSoAndUntilWhen() {
        FailoverPolicy policy = policy(false);
        health.switched("primary", "manual", clock.instant()); // an operator switched a moment ago
        probe.down("primary");
        checkAndApply(policy);
        Decision held = checkAndApply(policy);
        assertFalse(held.switches());
        assertTrue(held.reason().contains("SLOT_SWITCH_HOLD_TIME"), held.reason());
        assertEquals(health.lastSwitch().plus(HOLD), held.heldUntil());
        assertEquals(held, health.lastDecision());
    }

    @Test
    void aStayNamesWhyItDidNotSwitch() {
        FailoverPolicy policy = policy(false);
        probe.down("primary").down("secondary");
        Decision first = checkAndApply(policy);
        assertTrue(first.reason().startsWith("threshold not reached: primary failed 1 of 2"), first.reason());
        Decision second = checkAndApply(policy);
        assertTrue(
                second.reason()
                        .startsWith("not switched: primary failed 2 consecutive checks but secondary is unhealthy too"),
                second.reason());
        assertTrue(second.notable());
        assertNull(second.heldUntil());
        probe.up("primary");
        assertFalse(checkAndApply(policy).notable());
    }

    @Test
    void failbackReturnsToPrimaryOnceItHasBeenHealthyLongEnough() {
        FailoverPolicy policy = policy(true);
        probe.down("primary");
        checkAndApply(policy);
        assertTrue(checkAndApply(policy).switches());
        probe.up("primary");
        Decision first = checkAndApply(policy); // primary healthy again from here on
        assertFalse(first.switches());
        java.time.Instant healthySince = health.slot("primary").healthySince();
        Decision decision = first;
        while (!decision.switches()) {
            decision = checkAndApply(policy);
        }
        assertEquals("primary", decision.switchTo());
        assertTrue(decision.reason().startsWith("failback"), decision.reason());
        assertFalse(health.lastSwitch().isBefore(healthySince.plus(FAILBACK_AFTER)));
    }

    @Test
    void failbackWaitsAgainWhenPrimaryFailsMeanwhile() {
        FailoverPolicy policy = policy(true);
        probe.down("primary");
        checkAndApply(policy);
        checkAndApply(policy);
        probe.up("primary");
        checkAndApply(policy);
        clock.advance(Duration.ofMinutes(4));
        probe.down("primary");
        checkAndApply(policy);
        probe.up("primary");
        clock.advance(Duration.ofMinutes(4));
        assertFalse(checkAndApply(policy).switches(), "the primary's healthy time restarted after its failure");
        assertEquals("secondary", health.activeSlot());
    }

    @Test
    void withoutFailbackTheDeviceStaysOnSecondary() {
        FailoverPolicy policy = policy(false);
        probe.down("primary");
        checkAndApply(policy);
        checkAndApply(policy);
        probe.up("primary");
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertFalse(checkAndApply(policy).switches());
        }
        assertEquals("secondary", health.activeSlot());
    }
}
