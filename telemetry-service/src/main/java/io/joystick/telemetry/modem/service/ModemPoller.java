package io.joystick.telemetry.modem.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import io.joystick.telemetry.config.TelemetryConfig.ModemFamily;
import io.joystick.telemetry.modem.at.AtChannel;
import io.joystick.telemetry.modem.at.AtException;
import io.joystick.telemetry.modem.at.CgpsInfoParser;
import io.joystick.telemetry.modem.at.CpsiParser;
import io.joystick.telemetry.modem.at.ModemBattery;
import io.joystick.telemetry.modem.at.OperatorName;
import io.joystick.telemetry.modem.at.QengParser;
import io.joystick.telemetry.modem.at.SignalQuality;
import io.joystick.telemetry.reading.BatteryReading;
import io.joystick.telemetry.reading.CellReading;
import io.joystick.telemetry.reading.GpsReading;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;

/**
 * Asks the modem on one AT port, each poll, for what the configured sensors need: the serving cell
 * ({@code AT+CPSI?} or {@code AT+QENG="servingcell"}), {@code AT+CSQ} and {@code AT+COPS?} for cellular,
 * {@code AT+CBC} for the battery and {@code AT+CGPSINFO} for the GPS. After every (re)connection it first
 * turns echo off and, for the GPS, the GNSS engine on. A failing command is logged and skipped; the others
 * still run.
 */
public final class ModemPoller implements Runnable {

    private static final Logger LOG = Logger.getLogger(ModemPoller.class);
    private static final String SOURCE = "modem";

    private final AtChannel channel;
    private final ReadingStore store;
    private final Duration timeout;
    private final boolean cellular;
    private final boolean battery;
    private final boolean gps;
    private static final Set<String> MODEM_STARTED = Set.of("RDY", "START");

    private volatile ModemFamily family;
    private volatile long preparedConnection = -1;

    public ModemPoller(AtChannel channel, ReadingStore store, ModemFamily family, Duration timeout, boolean cellular,
            boolean battery, boolean gps) {
        this.channel = channel;
        this.store = store;
        this.family = family;
        this.timeout = timeout;
        this.cellular = cellular;
        this.battery = battery;
        this.gps = gps;
        channel.onUnsolicited(this::unsolicited);
    }

    @Override
    public void run() {
        if (!channel.connected()) {
            return;
        }
        try {
            prepareAfterConnect();
            if (cellular) {
                pollCell();
            }
            if (battery) {
                pollBattery();
            }
            if (gps) {
                pollGps();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Modem poll failed");
        }
    }

    /**
     * Echo off (and the GNSS receiver on) once per connection, and again after the modem restarted. A modem
     * still booting does not answer: the set-up counts only once it did (a refusal is an answer: SIMCom
     * refuses {@code AT+CGPS=1} when the receiver is already on).
     */
    private void prepareAfterConnect() {
        long connection = channel.connection();
        if (connection == preparedConnection) {
            return;
        }
        if (answered("ATE0") && (!gps || answered("AT+CGPS=1"))) {
            preparedConnection = connection;
        }
    }

    private boolean answered(String command) {
        try {
            channel.send(command, null, timeout);
            return true;
        } catch (AtException e) {
            LOG.debugf("%s", e.getMessage());
            return e.reason() == AtException.Reason.REFUSED;
        }
    }

    private void pollCell() {
        CellReading cell = servingCell();
        if (cell == null) {
            return;
        }
        List<String> csq = tryCommand("AT+CSQ", SignalQuality.PREFIX);
        SignalQuality quality = csq == null ? null : SignalQuality.parse(csq);
        if (quality != null) {
            cell = cell.withCsq(quality.rssi(), quality.rssiDbm() == null ? null : quality.rssiDbm().doubleValue());
        }
        List<String> cops = tryCommand("AT+COPS?", OperatorName.PREFIX);
        if (cops != null) {
            cell = cell.withOperator(OperatorName.parse(cops));
        }
        store.publish(Sensor.CELLULAR, cell);
    }

    private CellReading servingCell() {
        if (family != ModemFamily.QUECTEL) {
            try {
                List<String> lines = channel.send("AT+CPSI?", CpsiParser.PREFIX, timeout);
                if (family == ModemFamily.AUTO) {
                    family = ModemFamily.SIMCOM;
                }
                return CpsiParser.parse(lines, Instant.now(), SOURCE);
            } catch (AtException e) {
                // only an unknown command means "not SIMCom": +CME ERROR (SIM busy at boot, …) passes
                if (family == ModemFamily.SIMCOM || !e.unknownCommand()) {
                    LOG.debugf("%s", e.getMessage());
                    return null;
                }
                LOG.infof("The modem refuses AT+CPSI? (%s); using Quectel's AT+QENG", e.getMessage());
                family = ModemFamily.QUECTEL;
            }
        }
        List<String> lines = tryCommand("AT+QENG=\"servingcell\"", QengParser.PREFIX);
        return lines == null ? null : QengParser.parse(lines, Instant.now(), SOURCE);
    }

    private void pollBattery() {
        List<String> lines = tryCommand("AT+CBC", ModemBattery.PREFIX);
        ModemBattery cbc = lines == null ? null : ModemBattery.parse(lines);
        if (cbc != null) {
            store.publish(Sensor.BATTERY, new BatteryReading(cbc.voltageMv(), null, null, null, cbc.level(),
                    chargeStatus(cbc.chargeState()), Instant.now(), SOURCE));
        }
    }

    private static String chargeStatus(Integer bcs) {
        if (bcs == null) {
            return null;
        }
        return switch (bcs) {
            case 0 -> "Not charging";
            case 1 -> "Charging";
            case 2 -> "Full";
            default -> null;
        };
    }

    private void pollGps() {
        List<String> lines = tryCommand("AT+CGPSINFO", CgpsInfoParser.PREFIX);
        GpsReading reading = lines == null ? null : CgpsInfoParser.parse(lines, Instant.now(), SOURCE);
        if (reading != null) {
            store.publish(Sensor.GPS, reading);
        }
    }

    /**
     * {@code +CGPSINFO:} also arrives on its own after {@code AT+CGPSINFO=N}. {@code RDY} / {@code START}: the
     * modem restarted on a port that stayed open, with echo on and the receiver off again.
     */
    private void unsolicited(String line) {
        if (gps && line.startsWith(CgpsInfoParser.PREFIX)) {
            store.publish(Sensor.GPS, CgpsInfoParser.parseLine(line, Instant.now(), SOURCE));
        } else if (MODEM_STARTED.contains(line)) {
            LOG.infof("The modem restarted (%s); setting it up again", line);
            preparedConnection = -1;
        }
    }

    private List<String> tryCommand(String command, String prefix) {
        try {
            return channel.send(command, prefix, timeout);
        } catch (AtException e) {
            LOG.debugf("%s", e.getMessage());
            return null;
        }
    }
}
