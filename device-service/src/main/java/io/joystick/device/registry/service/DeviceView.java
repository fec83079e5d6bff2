package io.joystick.device.registry.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A device as every endpoint returns it: secrets are only ever reported as present or not. */
public record DeviceView(String id, String name, String model, String owner, List<String> allow, String mode,
        String status, JsonNode configuration, InformationView information, Instant created, Instant updated,
        JsonNode automation) {

    public record InformationView(String host, Integer port, String user, String phone, String secondSlotHost,
            String secondSlotPhone, String activeSlot, boolean autoSlotSwitch, boolean hasPassword, boolean hasKey) {
    }
}
