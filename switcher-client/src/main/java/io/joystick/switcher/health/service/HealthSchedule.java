package io.joystick.switcher.health.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.switcher.config.SwitcherConfig;
import io.joystick.switcher.stream.service.StreamRestorer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * Runs the health loop every {@code SLOT_HEALTH_CHECK_INTERVAL}, first one interval after start. The job
 * skips a tick while the previous run is still going, and {@link HealthCycle} refuses overlapping runs
 * from any other caller too.
 */
@ApplicationScoped
public class HealthSchedule {

    private static final Logger LOG = Logger.getLogger(HealthSchedule.class);

    private final Scheduler scheduler;
    private final HealthMonitor monitor;
    private final StreamRestorer restorer;
    private final SwitcherConfig config;
    private final Shard shard;

    public HealthSchedule(Scheduler scheduler, HealthMonitor monitor, StreamRestorer restorer, SwitcherConfig config,
            Shard shard) {
        this.scheduler = scheduler;
        this.monitor = monitor;
        this.restorer = restorer;
        this.config = config;
        this.shard = shard;
    }

    void start(@Observes StartupEvent event) {
        String every = Math.max(1, config.checkInterval().toSeconds()) + "s";
        scheduler.newJob("slot-health")
                .setInterval(every)
                .setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tick())
                .schedule();
        LOG.infof("Slot health checks every %s s (failure threshold %d, hold time %s s, failback %s), shard %s",
                config.checkInterval().toSeconds(), config.failureThreshold(), config.holdTime().toSeconds(),
                config.failback().enabled() ? "after " + config.failback().after().toSeconds() + " s" : "off", shard);
    }

    void tick() {
        restorer.restore();
        monitor.runAll();
    }
}
