package io.joystick.device.automation.config;

import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.RAMJobStore;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;

/**
 * The Quartz scheduler of device schedules (and of the action-log retention), apart from the one quarkus-quartz runs
 * the {@code @Scheduled} methods on: those (token revocation polling, JWKS refresh, terminal limits, idle SSH
 * sessions) must run on every instance, whereas a schedule's transition must run on one. On PostgreSQL it uses Quartz's JDBC store ({@code QRTZ_*} tables,
 * migration V4), clustered; on H2 (a single instance) its RAM store.
 */
@Singleton
@Startup
public class AutomationScheduler {

    public static final String NAME = "device-service-automation";

    private final Scheduler quartz;

    AutomationScheduler(@ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind)
            throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID,
                StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        if ("postgresql".equals(databaseKind)) {
            properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
            properties.setProperty("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
            properties.setProperty("org.quartz.jobStore.dataSource", "devices");
            properties.setProperty("org.quartz.jobStore.isClustered", "true");
            properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
            properties.setProperty("org.quartz.jobStore.useProperties", "true");
            properties.setProperty("org.quartz.dataSource.devices.connectionProvider.class",
                    DatasourceConnections.class.getName());
        } else {
            properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        }
        quartz = new StdSchedulerFactory(properties).getScheduler();
        // jobs are CDI beans (constructor injection)
        quartz.setJobFactory((bundle, scheduler) -> (org.quartz.Job) Arc.container()
                .instance(bundle.getJobDetail().getJobClass()).get());
        quartz.start();
    }

    public Scheduler quartz() {
        return quartz;
    }

    @PreDestroy
    void stop() throws SchedulerException {
        quartz.shutdown(true);
    }
}
