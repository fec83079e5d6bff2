package io.joystick.telemetry;

import static io.joystick.auth.testapp.TestKeys.SERVICE_KEY;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.joystick.telemetry.modem.at.FakeModem;
import io.joystick.telemetry.serial.service.PtyPair;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The whole service configured for hardware: an NMEA GPS, a SIMCom modem and a WitMotion IMU on real
 * pseudo-terminals (the test plays the devices at the other ends), and a power_supply battery in a sysfs
 * fixture tree.
 */
@QuarkusTest
@TestProfile(HardwareSourcesTest.Hardware.class)
@QuarkusTestResource(OfflineJwksAuth.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardwareSourcesTest {

    static final Path TTY = Path.of("target", "tty").toAbsolutePath();
    static final Path BATTERY = Path.of("target", "sysfs", "power_supply", "BAT0").toAbsolutePath();

    public static class Hardware implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            writeBattery("11800000", "-500000", "64");
            return Map.ofEntries(
                    Map.entry("telemetry.gps.source", "nmea"),
                    Map.entry("telemetry.gps.port", TTY.resolve("gps").toString()),
                    Map.entry("telemetry.gps.baud", "9600"),
                    Map.entry("telemetry.modem.port", TTY.resolve("modem").toString()),
                    Map.entry("telemetry.modem.poll-interval", "200ms"),
                    Map.entry("telemetry.modem.command-timeout", "1s"),
                    Map.entry("telemetry.cellular.source", "modem"),
                    Map.entry("telemetry.imu.source", "witmotion"),
                    Map.entry("telemetry.imu.port", TTY.resolve("imu").toString()),
                    Map.entry("telemetry.imu.stale-after", "1s"),
                    Map.entry("telemetry.battery.source", "sysfs"),
                    Map.entry("telemetry.battery.path", BATTERY.toString()),
                    Map.entry("telemetry.battery.poll-interval", "200ms"),
                    Map.entry("telemetry.reopen-delay", "100ms"));
        }
    }

    static PtyPair gps;
    static PtyPair modemPort;
    static PtyPair imu;
    static FakeModem modem;

    @BeforeAll
    static void plugInDevices() {
        gps = PtyPair.started(TTY, "gps");
        imu = PtyPair.started(TTY, "imu");
        modemPort = PtyPair.started(TTY, "modem");
        modem = new FakeModem(modemPort)
                .answer("AT+CPSI?",
                        List.of("+CPSI: NR5G_SA,Online,242-12,0x765D,4955280,0,NR5G_BAND78,640704,-770,-110,290"))
                .answer("AT+CSQ", List.of("+CSQ: 20,99"))
                .answer("AT+COPS?", List.of("+COPS: 0,0,\"Telia\",11"))
                .urcInsideReplies("+CREG: 1")
                .start();
    }

    @AfterAll
    static void unplugDevices() {
        modem.close();
        gps.close();
        imu.close();
        modemPort.close();
    }

    static ValidatableResponse get(String path) {
        return given().header("X-API-Key", SERVICE_KEY).get(path).then();
    }

    @Test
    @Order(1)
    void answers503BeforeTheFirstReading() {
        get("/api/imu").statusCode(503).body("success", equalTo(false)).body("error", equalTo("No IMU reading yet"));
    }

    @Test
    @Order(2)
    void readsNmeaThroughGarbageBadChecksumsAndSplitLines() {
        gps.write("\u0000\u00ff$GPGSV,3,2,12,01,40,083,46,02");
        gps.write("garbage\r\n$GNRMC,055234.200,A,1111.00000,N,02222.00000,E,0.00,286.35,050826,,,A,V*00\r\n");
        gps.write("$GNGGA,055234.200,4739.71890,N,1221");
        gps.write("9.58362,W,1,14,0.9,76.5,M,-21.6,M,,*4A\r\r\n");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/gps").statusCode(200)
                .body("latitude", equalTo(47.6619817f)).body("longitude", equalTo(-122.3263937f))
                .body("satellites", equalTo(14)).body("altitude", equalTo(76.5f)).body("source", equalTo("nmea")));
    }

    @Test
    @Order(3)
    void reportsNoFixWithoutInventingAPosition() {
        gps.write("$GNRMC,074150.799,V,,,,,,,250215,,,N*52\r\n");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/gps").statusCode(200)
                .body("fix", equalTo("none")).body("latitude", nullValue()));
    }

    @Test
    @Order(4)
    void resumesGpsAfterTheReceiverIsUnpluggedAndPluggedBackIn() {
        gps.unplug();
        gps.start();
        // the service reopens the port by itself; until then writes go nowhere, so keep sending
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            gps.write("$GNGLL,4739.71890,N,12219.58362,W,055234.200,A,A*5F\r\n");
            get("/api/gps").statusCode(200).body("fix", equalTo("2d")).body("latitude", equalTo(47.6619817f));
        });
    }

    @Test
    @Order(5)
    void readsTheServingCellFromTheModem() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/cpsi").statusCode(200)
                .body("technology", equalTo("NR5G_SA")).body("band", equalTo("n78")).body("rsrp", equalTo(-77.0f))
                .body("operator", equalTo("Telia")).body("csq", equalTo(20)).body("source", equalTo("modem")));
    }

    @Test
    @Order(6)
    void resumesTheModemAfterReplug() {
        modem.close();
        modemPort.unplug();
        modemPort.start();
        modem = new FakeModem(modemPort)
                .answer("AT+CPSI?", List.of("+CPSI: NO SERVICE,Online"))
                .answer("AT+CSQ", List.of("+CSQ: 99,99"))
                .answer("AT+COPS?", List.of("+COPS: 0"))
                .start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get("/api/cpsi").statusCode(200)
                .body("technology", equalTo("NO SERVICE")));
        await().atMost(Duration.ofSeconds(5)).until(() -> modem.received().contains("ATE0"));
    }

    @Test
    @Order(7)
    void readsTheImuAndCallsItStaleOnceItStops() {
        imu.write(HexFormat.of().parseHex("55531C0772FC00400000795551000000000008CE0985"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/imu").statusCode(200)
                .body("z", equalTo(1.0f)).body("angle.yaw", equalTo(90.0f)).body("temperature", equalTo(25.1f))
                .body("source", equalTo("witmotion")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/imu").statusCode(503)
                .body("error", containsString("The IMU reading is stale")));
        // the combined answer names a stale sensor the caller may see, as null
        get("/api/telemetry").statusCode(200).body("containsKey('imu')", equalTo(true)).body("imu", nullValue());
    }

    @Test
    @Order(8)
    void readsTheBatteryFromSysfsAndFollowsItsChanges() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/battery").statusCode(200)
                .body("voltage", equalTo(11800.0f)).body("current", equalTo(-500.0f)).body("capacity", equalTo(64))
                .body("source", equalTo("sysfs")));
        writeBattery("11700000", "-450000", "63");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get("/api/battery").statusCode(200)
                .body("voltage", equalTo(11700.0f)).body("capacity", equalTo(63)));
    }

    static void writeBattery(String microvolts, String microamps, String capacity) {
        try {
            Files.createDirectories(BATTERY);
            Files.writeString(BATTERY.resolve("type"), "Battery\n");
            Files.writeString(BATTERY.resolve("status"), "Discharging\n");
            Files.writeString(BATTERY.resolve("voltage_now"), microvolts + "\n");
            Files.writeString(BATTERY.resolve("current_now"), microamps + "\n");
            Files.writeString(BATTERY.resolve("capacity"), capacity + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
