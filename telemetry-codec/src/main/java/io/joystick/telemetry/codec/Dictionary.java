package io.joystick.telemetry.codec;

import java.nio.charset.StandardCharsets;

/**
 * The preset DEFLATE dictionaries, one per format byte. Never change a released one: edges in the field still
 * send it. A new dictionary is a new constant and a new format byte in {@link TelemetryCodec}.
 * <p>
 * DEFLATE copies runs from up to 32 KiB back, dictionary included, and a nearer run costs fewer bits: so the
 * readings' key sequences come last, as telemetry-service writes them (field order, rounding, nulls left out),
 * and rarer values (other sources, technologies, modem replies) before them.
 */
final class Dictionary {

    private Dictionary() {
    }

    static final byte[] V1 = (
    // rarer: other sources, states and technologies, the NR leg, Quectel's reply
    "\"source\":\"simulated\"}\"source\":\"sysfs\"}\"source\":\"iio\"}"
            + "\"fix\":\"none\",\"fix\":\"2d\",\"status\":\"Charging\",\"status\":\"Full\",\"status\":\"Not charging\","
            + "\"technology\":\"NO SERVICE\",\"technology\":\"GSM\",\"status\":\"Online\",\"technology\":\"WCDMA\","
            + "\"status\":\"Online\",\"rscp\":-,\"ecio\":-,\"status\":\"NOCONN\",\"status\":\"SEARCH\","
            + "\"technology\":\"NR5G_SA\",\"technology\":\"NR5G_NSA\",\"nr\":{\"pci\":,\"band\":\"n78\",\"arfcn\":"
            + ",\"rsrp\":-,\"rsrq\":-,\"sinr\":},"
            + "\"raw\":\"+QENG: \\\"servingcell\\\",\\\"NOCONN\\\",\\\"LTE\\\",\\\"FDD\\\",\\\"\\n+QENG: \\\"NR5G-NSA\\\","
            + "\"raw\":\"+CPSI: NR5G_SA,Online,\"raw\":\"+CPSI: WCDMA,Online,\"raw\":\"+CPSI: GSM,Online,"
            + ",\"operator\":\"Vodafone\",\"operator\":\""
            // battery
            + "{\"voltage\":12000.0,\"current\":-100.0,\"power\":1500.0,\"consumption\":0.0,\"capacity\":80,"
            + "\"status\":\"Discharging\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"source\":\"hwmon\"}"
            // imu
            + "{\"x\":0.0,\"y\":0.0,\"z\":1.0,\"gyro\":{\"x\":0.0,\"y\":0.0,\"z\":0.0},"
            + "\"angle\":{\"roll\":0.0,\"pitch\":0.0,\"yaw\":0.0},\"temperature\":30.0,"
            + "\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"source\":\"witmotion\"}"
            // gps
            + "{\"latitude\":0.0,\"longitude\":0.0,\"altitude\":0.0,\"speed\":0.0,\"course\":0.0,"
            + "\"satellites\":10,\"hdop\":0.9,\"fix\":\"3d\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"source\":\"nmea\"}"
            // cellular (LTE, SIMCom's reply)
            + "{\"technology\":\"LTE\",\"status\":\"Online\",\"mccMnc\":\"262-01\",\"areaCode\":\"0x\",\"cellId\":\"0x\","
            + "\"pci\":0,\"band\":\"EUTRAN-BAND3\",\"arfcn\":1300,\"bandwidth\":20.0,\"rssi\":-60.0,\"rsrp\":-90.0,"
            + "\"rsrq\":-10.0,\"sinr\":10.0,\"csq\":20,\"raw\":\"+CPSI: LTE,Online,262-01,0x,,EUTRAN-BAND3,1300,5,5,-"
            + "\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"source\":\"modem\"}")
            .getBytes(StandardCharsets.US_ASCII);
}
