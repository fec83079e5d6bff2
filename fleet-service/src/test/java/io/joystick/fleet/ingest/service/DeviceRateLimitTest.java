package io.joystick.fleet.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.joystick.fleet.config.FleetConfig;

class DeviceRateLimitTest {

    /** A burst of 10 and (practically) no refill, so the test does not depend on time. */
    private final DeviceRateLimit limit = new DeviceRateLimit(new FleetConfig() {
        @Override
        public Duration retention() {
            return Duration.ofDays(7);
        }

        @Override
        public int pruneBatch() {
            return 1000;
        }

        @Override
        public Duration presenceDebounce() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration maxClockAhead() {
            return Duration.ofMinutes(5);
        }

        @Override
        public double deviceRate() {
            return 1e-9;
        }

        @Override
        public int deviceBurst() {
            return 10;
        }
    });

    @Test
    void capsAFloodingDeviceWithoutTouchingOthers() {
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            if (limit.tryTake("flooder")) {
                accepted++;
            }
        }
        assertEquals(10, accepted);
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.tryTake("quiet"), "another device keeps its own allowance");
        }
    }
}
