package io.joystick.telemetry.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.joystick.telemetry.gps.nmea.GpsState;
import io.joystick.telemetry.gps.nmea.NmeaFramer;
import io.joystick.telemetry.gps.nmea.NmeaParser;
import io.joystick.telemetry.modem.at.CpsiParser;
import io.joystick.telemetry.modem.at.QengParser;

/**
 * telemetry-service's parsers, single-threaded: every score is "operations per second on one core"; one
 * operation is one sentence or one modem reply.
 *
 * <ul>
 * <li>{@code nmeaSentence}: the seven verified sentences of docs/protocols.md#1-nmea-0183 (RMC, GGA, GSA, GSV, no-fix RMC,
 * VTG, GLL) parsed in turn into one {@link GpsState}: checksum, field split, dispatch, number parsing.
 * Target ≥ 1 M/s.</li>
 * <li>{@code nmeaSentenceFromBytes}: the same sentences as the serial reader gets them (bytes with CR LF, all
 * seven in one read), through {@link NmeaFramer} (which makes one String per line) and the parser.</li>
 * <li>{@code cpsiLte}, {@code cpsiNsa}, {@code cpsiNr5gSa}: {@code AT+CPSI?} replies of docs/protocols.md#2-cellular-modem-at-commands into a
 * CellReading (one or two lines).</li>
 * <li>{@code qengLte}: Quectel's {@code AT+QENG="servingcell"} LTE reply.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParserBenchmark {

    static final String[] SENTENCES = {
        "$GNRMC,055234.200,A,4739.71890,N,12219.58362,W,0.00,286.35,050826,,,A,V*11",
        "$GNGGA,055234.200,4739.71890,N,12219.58362,W,1,14,0.9,76.5,M,-21.6,M,,*4A",
        "$GNGSA,A,3,02,07,14,15,17,20,22,30,,,,,1.5,0.9,1.2,1*3C",
        "$GPGSV,3,3,12,20,47,263,22,22,78,280,15,24,07,305,,30,57,127,31,0*61",
        "$GNRMC,074150.799,V,,,,,,,250215,,,N*52",
        "$GNVTG,286.35,T,,M,0.00,N,0.00,K,A*29",
        "$GNGLL,4739.71890,N,12219.58362,W,055234.200,A,A*5F",
    };

    static final List<String> CPSI_LTE = List.of(
            "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15");
    static final List<String> CPSI_NSA = List.of(
            "+CPSI: LTE,Online,460-11,0x5A1E,187214780,257,EUTRAN-BAND3,1850,5,5,-94,-850,-545,15",
            "+CPSI: NR5G_NSA,644,NR5G_BAND78,627264,-960,-120,95");
    static final List<String> CPSI_SA = List.of(
            "+CPSI: NR5G_SA,Online,242-12,0x765D,4955280,0,NR5G_BAND78,640704,-770,-110,290");
    static final List<String> QENG_LTE = List.of(
            "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",460,00,8F381C5,107,1300,3,5,5,3193,-98,-13,-70,-3,0,0,21");

    final NmeaParser parser = new NmeaParser();
    final GpsState state = new GpsState();
    final NmeaFramer framer = new NmeaFramer();
    final byte[] stream = (String.join("\r\n", SENTENCES) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    final Instant at = Instant.parse("2026-11-26T00:00:00Z");

    @Benchmark
    @OperationsPerInvocation(7)
    public void nmeaSentence(Blackhole hole) {
        for (String sentence : SENTENCES) {
            hole.consume(parser.parse(sentence, state));
        }
        hole.consume(state.latitude());
    }

    @Benchmark
    @OperationsPerInvocation(7)
    public void nmeaSentenceFromBytes(Blackhole hole) {
        framer.feed(stream, stream.length, line -> hole.consume(parser.parse(line, state)));
        hole.consume(state.latitude());
    }

    @Benchmark
    public Object cpsiLte() {
        return CpsiParser.parse(CPSI_LTE, at, "modem");
    }

    @Benchmark
    public Object cpsiNsa() {
        return CpsiParser.parse(CPSI_NSA, at, "modem");
    }

    @Benchmark
    public Object cpsiNr5gSa() {
        return CpsiParser.parse(CPSI_SA, at, "modem");
    }

    @Benchmark
    public Object qengLte() {
        return QengParser.parse(QENG_LTE, at, "modem");
    }
}
