package io.joystick.telemetry.reading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The serving cell. {@code technology} as the modem names it (GSM, WCDMA, LTE, NR5G_SA, NR5G_NSA, NO SERVICE,
 * …); {@code status} the modem's operation mode or registration state (Online, NOCONN, SEARCH…);
 * {@code operator} from {@code AT+COPS?}; {@code areaCode} the LAC/TAC; signals in dBm (rssi, rsrp, rscp) and
 * dB (rsrq, sinr, ecio); {@code bandwidth} in MHz; {@code csq} the raw {@code AT+CSQ} value; {@code nr} the
 * 5G leg of an NSA (EN-DC) connection; {@code raw} the modem's lines as received.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellReading(String technology, String status, String operator, String mccMnc, String areaCode,
        String cellId, Integer pci, String band, Integer arfcn, @Decimals(1) Double bandwidth, @Decimals(1) Double rssi,
        @Decimals(1) Double rsrp, @Decimals(1) Double rsrq, @Decimals(1) Double sinr, @Decimals(1) Double rscp,
        @Decimals(1) Double ecio, Integer csq, NrLeg nr, String raw, Instant timestamp,
        String source) implements Reading {

    @RegisterForReflection
    public record NrLeg(Integer pci, String band, Integer arfcn, @Decimals(1) Double rsrp, @Decimals(1) Double rsrq,
            @Decimals(1) Double sinr) {
    }

    public CellReading withOperator(String name) {
        return new CellReading(technology, status, name, mccMnc, areaCode, cellId, pci, band, arfcn, bandwidth, rssi,
                rsrp, rsrq, sinr, rscp, ecio, csq, nr, raw, timestamp, source);
    }

    /** Adds what {@code AT+CSQ} said; its RSSI fills in only where the serving-cell reply had none. */
    public CellReading withCsq(Integer csqValue, Double csqRssi) {
        return new CellReading(technology, status, operator, mccMnc, areaCode, cellId, pci, band, arfcn, bandwidth,
                rssi != null ? rssi : csqRssi, rsrp, rsrq, sinr, rscp, ecio, csqValue, nr, raw, timestamp, source);
    }
}
