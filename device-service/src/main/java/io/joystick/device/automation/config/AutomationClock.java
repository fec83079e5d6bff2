package io.joystick.device.automation.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The time schedules are computed against; tests replace it (QuarkusMock) to stand just before a transition. */
public class AutomationClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
