package io.joystick.device.run.service;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

public record RunView(String id, String model, String action, String command, String target, JsonNode parameters,
        Integer timeout, Instant created, Instant updated, String permission) {
}
