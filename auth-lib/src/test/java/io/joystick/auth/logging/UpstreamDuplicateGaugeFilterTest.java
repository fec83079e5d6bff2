package io.joystick.auth.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class UpstreamDuplicateGaugeFilterTest {

    private final UpstreamDuplicateGaugeFilter filter = new UpstreamDuplicateGaugeFilter();

    @Test
    void dropsTheRestClientsDuplicateConnectionGauge() {
        assertFalse(filter.isLoggable(warning(UpstreamDuplicateGaugeFilter.LOGGER,
                "This Gauge has been already registered (MeterId{name='http.client.active.connections', "
                        + "tags=[tag(clientName=switcher)]}), the registration will be ignored.")));
    }

    @Test
    void dropsItWhenTheMeterIsAParameter() {
        LogRecord record = warning(UpstreamDuplicateGaugeFilter.LOGGER, "This {0} has been already registered ({1})");
        record.setParameters(new Object[] {"Gauge", "MeterId{name='http.client.active.connections', tags=[]}"});
        assertFalse(filter.isLoggable(record));
    }

    @Test
    void keepsEveryOtherDuplicateRegistration() {
        assertTrue(filter.isLoggable(warning(UpstreamDuplicateGaugeFilter.LOGGER,
                "This Gauge has been already registered (MeterId{name='telemetry.publish.queued', tags=[]})")));
    }

    @Test
    void keepsOtherLoggersMentioningTheMeter() {
        assertTrue(filter.isLoggable(warning("io.joystick.device.Something",
                "MeterId{name='http.client.active.connections'} is high")));
    }

    private static LogRecord warning(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }
}
