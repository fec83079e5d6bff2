package io.joystick.device.automation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import io.joystick.device.automation.config.AutomationScheduler;
import io.joystick.device.automation.service.TransitionCalculator.Transition;

/**
 * A device's schedule in Quartz: one durable job per device ({@link TransitionJob}, never two of its runs at once
 * across the cluster) and one one-shot trigger per transition, named after the device and the transition's instant.
 * The names make arming idempotent: instances that arm the same transition at the same time create one trigger.
 * A trigger that no instance fired in time (all were down) is dropped, never fired late; {@link #arm} at start-up
 * applies the state the schedule says instead.
 */
@ApplicationScoped
public class TransitionTriggers {

    static final String GROUP = "automation";
    static final String DEVICE = "device";
    static final String AT = "at";
    static final String MODE = "mode";
    static final String SINCE = "since";

    private final Scheduler quartz;
    private final Clock clock;

    public TransitionTriggers(AutomationScheduler scheduler, Clock clock) {
        this.quartz = scheduler.quartz();
        this.clock = clock;
    }

    /**
     * Makes sure the device's current state is applied (unless the transition that started it already was) and its
     * next transition is scheduled.
     */
    public void arm(String deviceId, Automation automation, Instant since, Instant applied) throws SchedulerException {
        JobKey job = job(deviceId);
        if (!quartz.checkExists(job)) {
            try {
                quartz.addJob(JobBuilder.newJob(TransitionJob.class).withIdentity(job).storeDurably().build(), false);
            } catch (ObjectAlreadyExistsException e) {
                // another instance added it meanwhile
            }
        }
        Instant now = clock.instant();
        Transition current = TransitionCalculator.current(automation, since, now);
        if (current != null && (applied == null || applied.isBefore(current.at()))) {
            schedule(deviceId, current, since, "now");
        }
        scheduleNext(deviceId, automation, since, now);
    }

    public void scheduleNext(String deviceId, Automation automation, Instant since, Instant after)
            throws SchedulerException {
        Transition next = TransitionCalculator.next(automation, since, after);
        if (next != null) {
            schedule(deviceId, next, since, "at");
        }
    }

    /** Removes the device's job and every trigger of it. */
    public void disarm(String deviceId) throws SchedulerException {
        for (int attempt = 1;; attempt++) {
            try {
                quartz.deleteJob(job(deviceId));
                return;
            } catch (SchedulerException e) {
                // the JDBC store fails the whole delete when a trigger completed (and went) meanwhile: list again
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The devices that have a job. */
    public Set<JobKey> armed() throws SchedulerException {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
    }

    /** The device's pending transitions' instants (for tests and operators). */
    public java.util.List<Instant> pending(String deviceId) throws SchedulerException {
        return quartz.getTriggersOfJob(job(deviceId)).stream()
                .map(trigger -> Instant.ofEpochMilli(Long.parseLong(trigger.getJobDataMap().getString(AT)))).sorted()
                .toList();
    }

    static JobKey job(String deviceId) {
        return JobKey.jobKey(deviceId, GROUP);
    }

    private void schedule(String deviceId, Transition transition, Instant since, String kind)
            throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(deviceId + "@" + transition.at().toEpochMilli() + "-" + kind, GROUP);
        if (quartz.checkExists(key)) {
            return;
        }
        // the schedule's clock may stand elsewhere than Quartz's (tests): keep the distance, not the instant
        Duration until = Duration.between(clock.instant(), transition.at());
        Date fireAt = until.isNegative() ? new Date() : Date.from(Instant.now().plus(until));
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job(deviceId))
                .usingJobData(DEVICE, deviceId).usingJobData(AT, String.valueOf(transition.at().toEpochMilli()))
                .usingJobData(MODE, transition.mode()).usingJobData(SINCE, String.valueOf(since.toEpochMilli()))
                .startAt(fireAt)
                .withSchedule(
                        SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            quartz.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // another instance armed the same transition
        }
    }
}
