package io.joystick.switcher.health.service;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.joystick.switcher.config.SwitcherConfig;

/** The plain pieces of the health loop, built from the configuration. */
public class HealthBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Shard shard(SwitcherConfig config) {
        return Shard.parse(config.shard());
    }

    @Produces
    @Singleton
    FailoverPolicy failoverPolicy(SwitcherConfig config, Clock clock) {
        return new FailoverPolicy(new FailoverPolicy.Settings(config.failureThreshold(), config.holdTime(),
                config.failback().enabled(), config.failback().after()), clock);
    }
}
