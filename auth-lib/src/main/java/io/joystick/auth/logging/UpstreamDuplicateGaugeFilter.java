package io.joystick.auth.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops one known warning of Quarkus 3.33: the first call of every REST client registers the
 * {@code http.client.active.connections} gauge of its client name twice (once for the HTTP client, once for the
 * connection it opens), and Micrometer warns "This Gauge has been already registered" about the second. The
 * metric itself is right. Fixed upstream after 3.33 (quarkusio/quarkus#54482); remove this filter with the
 * upgrade. Any other duplicate registration, such as one of our own meters, is still logged.
 */
@LoggingFilter(name = "upstream-duplicate-gauge")
public final class UpstreamDuplicateGaugeFilter implements Filter {

    static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
    static final String METER = "name='http.client.active.connections'";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(LOGGER.equals(record.getLoggerName()) && mentionsMeter(record));
    }

    private static boolean mentionsMeter(LogRecord record) {
        if (String.valueOf(record.getMessage()).contains(METER)) {
            return true;
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (String.valueOf(parameter).contains(METER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
