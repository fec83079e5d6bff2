package io.joystick.device.automation.service;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device's on/off schedule, validated ({@link AutomationParser}). {@code duration}: on for {@code onMinutes}, off
 * for {@code offMinutes}, cycling from when it was enabled; {@code timeOfDay}: on at {@code on}, off at {@code off},
 * local times in {@code zone}. "On" means the device's mode {@code onMode} ({@code live} or {@code auto}).
 */
public record Automation(Type type, Integer onMinutes, Integer offMinutes, LocalTime on, LocalTime off, ZoneId zone,
        String onMode, boolean enabled) {

    public static final String OFF = "off";

    public enum Type {
        duration, timeOfDay
    }

    public Duration onFor() {
        return Duration.ofMinutes(onMinutes);
    }

    public Duration offFor() {
        return Duration.ofMinutes(offMinutes);
    }

    /** The mode a device is set to when the schedule turns it on ({@code true}) or off. */
    public String mode(boolean switchedOn) {
        return switchedOn ? onMode : OFF;
    }

    /** The stored and answered form: only the fields of its type. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type.name());
        if (type == Type.duration) {
            json.put("onMinutes", onMinutes);
            json.put("offMinutes", offMinutes);
        } else {
            json.put("on", on.toString());
            json.put("off", off.toString());
            json.put("zone", zone.getId());
        }
        json.put("onMode", onMode);
        json.put("enabled", enabled);
        return json;
    }
}
