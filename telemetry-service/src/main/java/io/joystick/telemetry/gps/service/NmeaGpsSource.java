package io.joystick.telemetry.gps.service;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.joystick.telemetry.gps.nmea.GpsState;
import io.joystick.telemetry.gps.nmea.NmeaFramer;
import io.joystick.telemetry.gps.nmea.NmeaParser;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;
import io.joystick.telemetry.serial.service.SerialLink;

/** An NMEA receiver on a serial port: every sentence that states the position publishes a GPS reading. */
public final class NmeaGpsSource implements SerialLink.Listener {

    private static final Logger LOG = Logger.getLogger(NmeaGpsSource.class);

    private final ReadingStore store;
    private final NmeaFramer framer = new NmeaFramer();
    private final NmeaParser parser = new NmeaParser();
    private final GpsState state = new GpsState();

    public NmeaGpsSource(ReadingStore store) {
        this.store = store;
    }

    @Override
    public void onBytes(byte[] data, int count) {
        framer.feed(data, count, this::onSentence);
    }

    private void onSentence(String sentence) {
        NmeaParser.Result result = parser.parse(sentence, state);
        if (result == NmeaParser.Result.ACCEPTED && parser.positionSentence()) {
            store.publish(Sensor.GPS, state.toReading(Instant.now(), "nmea"));
        } else if (result != NmeaParser.Result.ACCEPTED && result != NmeaParser.Result.IGNORED) {
            LOG.debugf("Dropped NMEA line (%s)", result);
        }
    }
}
