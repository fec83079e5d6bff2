package io.joystick.device.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device as device-service returns it, reduced to what the other services need: its owner, its stream
 * {@code mode} and {@code configuration}, its {@code status}, and its two connection slots.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(String id, String name, String owner, String mode, JsonNode configuration, Information information,
        String status) {

    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Information(String host, String secondSlotHost, String activeSlot, boolean autoSlotSwitch) {
    }

    @JsonCreator
    public Device {
    }

    public Device(String id, String name, String mode, JsonNode configuration, Information information) {
        this(id, name, null, mode, configuration, information, null);
    }

    public String activeSlot() {
        return information != null && SECONDARY.equals(information.activeSlot()) ? SECONDARY : PRIMARY;
    }

    public boolean hasSecondSlot() {
        return information != null && information.secondSlotHost() != null && !information.secondSlotHost().isBlank();
    }

    public boolean autoSlotSwitch() {
        return information != null && information.autoSlotSwitch();
    }

    public String hostOf(String slot) {
        if (information == null) {
            return null;
        }
        return SECONDARY.equals(slot) ? information.secondSlotHost() : information.host();
    }

    public static String other(String slot) {
        return SECONDARY.equals(slot) ? PRIMARY : SECONDARY;
    }

    public static boolean isSlot(String value) {
        return PRIMARY.equals(value) || SECONDARY.equals(value);
    }
}
