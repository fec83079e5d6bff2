package io.joystick.device.log.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import io.joystick.device.automation.config.AutomationScheduler;
import io.joystick.device.log.config.ActionLogRetentionConfig;
import io.joystick.device.log.repository.ActionLogRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes old {@code action_logs} rows on {@code joystick.action-log.retention-schedule}: quiet rows after
 * {@code quiet-retention}, every row after {@code retention} when set. It runs on the device schedules' Quartz
 * scheduler, whose clustered store on PostgreSQL fires it on one instance only; each batch is its own short
 * transaction.
 */
@ApplicationScoped
@DisallowConcurrentExecution
public class ActionLogRetention implements Job {

    public static final JobKey JOB = JobKey.jobKey("action-log-retention", "device-service");

    private static final Logger LOG = Logger.getLogger(ActionLogRetention.class);

    private final ActionLogRepository logs;
    private final ActionLogRetentionConfig config;
    private final AutomationScheduler scheduler;

    public ActionLogRetention(ActionLogRepository logs, ActionLogRetentionConfig config,
            AutomationScheduler scheduler) {
        this.logs = logs;
        this.config = config;
        this.scheduler = scheduler;
    }

    /** Every instance (re)schedules the one job at start, so the latest configuration wins. */
    void atStart(@Observes StartupEvent start) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(ActionLogRetention.class).withIdentity(JOB).build();
        Trigger daily = TriggerBuilder.newTrigger().withIdentity(JOB.getName(), JOB.getGroup()).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.retentionSchedule())).build();
        scheduler.quartz().scheduleJob(job, Set.of(daily), true);
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            purge(Instant.now(), config.quietRetention(), config.retention(), config.retentionBatchSize());
        } catch (RuntimeException e) {
            LOG.errorf("Old action-log rows not deleted: %s", e.toString());
        }
    }

    /** Deletes quiet rows older than {@code quietAge} and, if given, every row older than {@code age}. */
    public long purge(Instant now, Duration quietAge, Optional<Duration> age, int batchSize) {
        Instant quietCutoff = now.minus(quietAge);
        long quiet = deleteInBatches(quietCutoff, true, batchSize);
        if (age.isEmpty()) {
            LOG.infof("Deleted %d quiet action-log rows created before %s", quiet, quietCutoff);
            return quiet;
        }
        Instant cutoff = now.minus(age.get());
        long all = deleteInBatches(cutoff, false, batchSize);
        LOG.infof("Deleted %d quiet action-log rows created before %s and %d rows created before %s", quiet,
                quietCutoff, all, cutoff);
        return quiet + all;
    }

    private long deleteInBatches(Instant cutoff, boolean quietOnly, int batchSize) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> logs.deleteCreatedBefore(cutoff, quietOnly, batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
