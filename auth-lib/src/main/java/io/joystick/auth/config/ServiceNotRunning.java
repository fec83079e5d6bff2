package io.joystick.auth.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * {@code @Scheduled(skipExecutionIf = ServiceNotRunning.class)}: a job that uses the service's resources (database,
 * REST clients) runs only once every start-up step has passed and until the service stops. The scheduler starts
 * firing while the start-up steps still run; without this, a job that fired while a refused start
 * ({@link RefusedToStart}) tears the service down fails on the closing resources and logs a stack trace after
 * the one-line refusal. Unlike Quarkus' {@code ApplicationNotRunning}, it marks the service running only after the
 * last start-up observer, so a refusal in any of them keeps every such job from running at all.
 */
@Singleton
public class ServiceNotRunning implements Scheduled.SkipPredicate {

    private volatile boolean running;

    void started(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        running = true;
    }

    void stopping(@Observes @Priority(Integer.MIN_VALUE) ShutdownEvent event) {
        running = false;
    }

    public boolean running() {
        return running;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !running;
    }
}
