package io.joystick.device.automation.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** A device's transition, as Quartz fires it on exactly one instance. */
@ApplicationScoped
@DisallowConcurrentExecution
public class TransitionJob implements Job {

    private final Transitions transitions;

    public TransitionJob(Transitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        transitions.carryOut(data.getString(TransitionTriggers.DEVICE),
                Instant.ofEpochMilli(Long.parseLong(data.getString(TransitionTriggers.AT))),
                data.getString(TransitionTriggers.MODE),
                Instant.ofEpochMilli(Long.parseLong(data.getString(TransitionTriggers.SINCE))));
    }
}
