package io.joystick.telemetry.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class ReadingJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-12-04T12:00:00.123Z");

    @Test
    void writesEachNumberWithItsSensorsDecimalsAndLeavesNullsOut() throws Exception {
        GpsReading gps = new GpsReading(47.661981666666666, -122.32639366666667, 76.54999, 0.037040000000000003,
                359.96, 14, 0.8999999, "3d", AT, "nmea");
        assertEquals(
                "{\"latitude\":47.6619817,\"longitude\":-122.3263937,\"altitude\":76.5,\"speed\":0.04,\"course\":360.0,"
                        + "\"satellites\":14,\"hdop\":0.9,\"fix\":\"3d\",\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"nmea\"}",
                JSON.writeValueAsString(gps));

        GpsReading noFix = new GpsReading(null, null, null, null, null, 0, null, "none", AT, "nmea");
        assertEquals(
                "{\"satellites\":0,\"fix\":\"none\",\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"nmea\"}",
                JSON.writeValueAsString(noFix));

        ImuReading imu = new ImuReading(0.0123456, -0.98765, 1.00049, new ImuReading.Vector(0.0610352, -1.2207, 3.0),
                new ImuReading.Angle(1.0052, -0.0054932, 359.9945), 25.13, AT, "witmotion");
        assertEquals("{\"x\":0.012,\"y\":-0.988,\"z\":1.0,\"gyro\":{\"x\":0.06,\"y\":-1.22,\"z\":3.0},"
                + "\"angle\":{\"roll\":1.01,\"pitch\":-0.01,\"yaw\":359.99},\"temperature\":25.1,"
                + "\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"witmotion\"}", JSON.writeValueAsString(imu));

        BatteryReading battery = new BatteryReading(12034.56, -143.4, 1726.9, 12.3456, 80, "Discharging", AT, "hwmon");
        assertEquals("{\"voltage\":12035.0,\"current\":-143.0,\"power\":1727.0,\"consumption\":12.35,\"capacity\":80,"
                + "\"status\":\"Discharging\",\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"hwmon\"}",
                JSON.writeValueAsString(battery));

        CellReading cell = new CellReading("LTE", "Online", null, "262-01", "0x1A2B", "0x1C2D3E4F", 301, "EUTRAN-BAND3",
                1300, 20.0, -65.04, -95.36, -10.5, 12.0000001, null, null, 20, null, null, AT, "modem");
        assertEquals("{\"technology\":\"LTE\",\"status\":\"Online\",\"mccMnc\":\"262-01\",\"areaCode\":\"0x1A2B\","
                + "\"cellId\":\"0x1C2D3E4F\",\"pci\":301,\"band\":\"EUTRAN-BAND3\",\"arfcn\":1300,\"bandwidth\":20.0,"
                + "\"rssi\":-65.0,\"rsrp\":-95.4,\"rsrq\":-10.5,\"sinr\":12.0,\"csq\":20,"
                + "\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"modem\"}", JSON.writeValueAsString(cell));
    }
}
