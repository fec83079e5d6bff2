package io.joystick.telemetry.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.joystick.telemetry.codec.TelemetryCodec.DecodeException;
import io.joystick.telemetry.codec.TelemetryCodec.Encoding;
import io.joystick.telemetry.codec.TelemetryCodec.Failure;

class TelemetryCodecTest {

    private static final int MAX = 4096;

    /** Each sensor's JSON as telemetry-service's REST API writes it (telemetry-service's ReadingJsonTest). */
    static final String GPS = "{\"latitude\":47.6619817,\"longitude\":-122.3263937,\"altitude\":76.5,\"speed\":0.04,"
            + "\"course\":360.0,\"satellites\":14,\"hdop\":0.9,\"fix\":\"3d\",\"timestamp\":\"2026-12-04T12:00:00.123Z\","
            + "\"source\":\"nmea\"}";
    static final String IMU = "{\"x\":0.012,\"y\":-0.988,\"z\":1.0,\"gyro\":{\"x\":0.06,\"y\":-1.22,\"z\":3.0},"
            + "\"angle\":{\"roll\":1.01,\"pitch\":-0.01,\"yaw\":359.99},\"temperature\":25.1,"
            + "\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"witmotion\"}";
    static final String BATTERY = "{\"voltage\":12035.0,\"current\":-143.0,\"power\":1727.0,\"consumption\":12.35,"
            + "\"capacity\":80,\"status\":\"Discharging\",\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"hwmon\"}";
    static final String CELL = "{\"technology\":\"LTE\",\"status\":\"Online\",\"operator\":\"Telekom.de\","
            + "\"mccMnc\":\"262-01\",\"areaCode\":\"0x1A2B\",\"cellId\":\"0x1C2D3E4F\",\"pci\":301,"
            + "\"band\":\"EUTRAN-BAND3\",\"arfcn\":1300,\"bandwidth\":20.0,\"rssi\":-65.0,\"rsrp\":-95.4,\"rsrq\":-10.5,"
            + "\"sinr\":12.0,\"csq\":20,\"raw\":\"+CPSI: LTE,Online,262-01,0x1A2B,471674191,301,EUTRAN-BAND3,1300,5,5,"
            + "-100,-954,-105,12\",\"timestamp\":\"2026-12-04T12:00:00.123Z\",\"source\":\"modem\"}";
    static final String NO_FIX = "{\"satellites\":0,\"fix\":\"none\",\"timestamp\":\"2026-12-04T12:00:00.123Z\","
            + "\"source\":\"nmea\"}";

    @ParameterizedTest
    @ValueSource(strings = {GPS, IMU, BATTERY, CELL, NO_FIX})
    void deflatedReadingInflatesToTheSameJsonAndIsSmaller(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Encoding.DEFLATE.encode(bytes);

        assertEquals(TelemetryCodec.DEFLATE_V1, encoded[0]);
        assertArrayEquals(bytes, TelemetryCodec.decode(encoded, MAX));
        assertTrue(encoded.length * 2 < bytes.length + 40, encoded.length + " bytes for " + bytes.length + " of JSON");
    }

    @Test
    void theDictionaryHelpsEvenTheFirstMessage() {
        byte[] json = GPS.getBytes(StandardCharsets.UTF_8);
        Deflater plain = new Deflater(Deflater.BEST_COMPRESSION, true);
        plain.setInput(json);
        plain.finish();
        int withoutDictionary = plain.deflate(new byte[1024]);
        plain.end();

        assertTrue(TelemetryCodec.deflate(json).length + 40 < withoutDictionary);
    }

    /** Edges in the field send format 0x01 with dictionary 1 as it was released: changing it needs a new format byte. */
    @Test
    void readsFormatOneAsReleased() throws Exception {
        byte[] released = HexFormat.of().parseHex("01438e6713733d3333434b0b437394e8d6353432d233363233b63436478e777333"
                + "3d53e4883741c4bcb11966dc9b101df78640ef9a84181a415d6e68648c25ee01");

        assertEquals(GPS, new String(TelemetryCodec.decode(released, MAX), StandardCharsets.UTF_8));
        assertArrayEquals(released, TelemetryCodec.deflate(GPS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void plainJsonPassesAsIs() throws Exception {
        byte[] json = BATTERY.getBytes(StandardCharsets.UTF_8);

        assertSame(json, Encoding.JSON.encode(json));
        assertSame(json, TelemetryCodec.decode(json, MAX));
    }

    @Test
    void leavesAnyOtherTextToTheJsonParser() throws Exception {
        for (String text : new String[] {"not json", " {\"x\":1}", "\n{}", "[]"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertSame(bytes, TelemetryCodec.decode(bytes, MAX), text);
        }
    }

    @Test
    void refusesADeflateBombWithoutInflatingIt() {
        byte[] huge = new byte[1_000_000];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        byte[] bomb = TelemetryCodec.deflate(huge);

        assertTrue(bomb.length < MAX, "the bomb itself is small: " + bomb.length);
        assertEquals(Failure.OVERSIZED,
                assertThrows(DecodeException.class, () -> TelemetryCodec.decode(bomb, MAX)).failure());
    }

    @Test
    void acceptsJsonOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        byte[] limit = new byte[MAX];
        Arrays.fill(limit, (byte) ' ');
        limit[0] = '{';
        limit[MAX - 1] = '}';
        assertEquals(MAX, TelemetryCodec.decode(TelemetryCodec.deflate(limit), MAX).length);

        byte[] over = Arrays.copyOf(limit, MAX + 1);
        over[MAX] = ' ';
        assertEquals(Failure.OVERSIZED,
                assertThrows(DecodeException.class, () -> TelemetryCodec.decode(TelemetryCodec.deflate(over), MAX))
                        .failure());
        assertEquals(Failure.OVERSIZED,
                assertThrows(DecodeException.class, () -> TelemetryCodec.decode(over, MAX)).failure());
    }

    @Test
    void refusesAnUnknownFormatByte() {
        byte[] later = TelemetryCodec.deflate(GPS.getBytes(StandardCharsets.UTF_8));
        later[0] = 0x02;

        DecodeException refused = assertThrows(DecodeException.class, () -> TelemetryCodec.decode(later, MAX));
        assertEquals(Failure.FORMAT, refused.failure());
        assertEquals("unknown format byte 0x02", refused.getMessage());
        assertEquals(Failure.FORMAT,
                assertThrows(DecodeException.class, () -> TelemetryCodec.decode(new byte[] {0x00, '{', '}'}, MAX))
                        .failure());
    }

    @Test
    void refusesCorruptStreams() {
        byte[] good = TelemetryCodec.deflate(CELL.getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(good, good.length - 5);
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        byte[] garbage = {TelemetryCodec.DEFLATE_V1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x13, 0x37};

        for (byte[] corrupt : new byte[][] {truncated, trailing, garbage, {TelemetryCodec.DEFLATE_V1}, {}}) {
            assertEquals(Failure.CORRUPT,
                    assertThrows(DecodeException.class, () -> TelemetryCodec.decode(corrupt, MAX)).failure(),
                    HexFormat.of().formatHex(corrupt));
        }
    }

    @Test
    void aCorruptPayloadLeavesTheThreadsInflaterUsable() throws Exception {
        byte[] good = TelemetryCodec.deflate(IMU.getBytes(StandardCharsets.UTF_8));
        assertThrows(DecodeException.class, () -> TelemetryCodec.decode(Arrays.copyOf(good, 10), MAX));

        assertEquals(IMU, new String(TelemetryCodec.decode(good, MAX), StandardCharsets.UTF_8));
    }
}
