package io.joystick.fleet.reading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The serving cell as the edge's modem reports it (see telemetry-service's README for the fields). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CellReading(String technology, String status, String operator, String mccMnc, String areaCode,
        String cellId, Integer pci, String band, Integer arfcn, Double bandwidth, Double rssi, Double rsrp,
        Double rsrq, Double sinr, Double rscp, Double ecio, Integer csq, NrLeg nr, String raw, Instant timestamp,
        String source) implements Reading {

    @RegisterForReflection
    public record NrLeg(Integer pci, String band, Integer arfcn, Double rsrp, Double rsrq, Double sinr) {
    }
}
