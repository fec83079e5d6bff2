package io.joystick.device.automation.service;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.error.ApiException;

/** Reads an {@link Automation} from its JSON; every refusal is a 400 naming the field. */
public final class AutomationParser {

    /** A week: a longer on or off phase is a mistake rather than a schedule. */
    public static final int MAX_MINUTES = 7 * 24 * 60;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> ON_MODES = Set.of("live", "auto");
    private static final Set<String> FIELDS = Set.of("type", "onMinutes", "offMinutes", "on", "off", "zone", "onMode",
            "enabled");

    private AutomationParser() {
    }

    public static Automation parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("automation: must be a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name + ": unknown field");
            }
        }
        String type = text(json, "type");
        String onMode = json.hasNonNull("onMode") ? text(json, "onMode") : "live";
        if (!ON_MODES.contains(onMode)) {
            throw ApiException.badRequest("onMode: must be 'live' or 'auto'");
        }
        JsonNode enabled = required(json, "enabled");
        if (!enabled.isBoolean()) {
            throw ApiException.badRequest("enabled: must be true or false");
        }
        return switch (type) {
            case "duration" -> new Automation(Automation.Type.duration, minutes(json, "onMinutes"),
                    minutes(json, "offMinutes"), null, null, null, onMode, enabled.asBoolean());
            case "timeOfDay" -> timeOfDay(json, onMode, enabled.asBoolean());
            default -> throw ApiException.badRequest("type: must be 'duration' or 'timeOfDay'");
        };
    }

    private static Automation timeOfDay(JsonNode json, String onMode, boolean enabled) {
        LocalTime on = time(json, "on");
        LocalTime off = time(json, "off");
        if (on.equals(off)) {
            throw ApiException.badRequest("off: must differ from on");
        }
        String zone = text(json, "zone");
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ApiException.badRequest("zone: not an IANA time zone (e.g. Europe/Berlin)");
        }
        return new Automation(Automation.Type.timeOfDay, null, null, on, off, ZoneId.of(zone), onMode, enabled);
    }

    private static int minutes(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > MAX_MINUTES) {
            throw ApiException.badRequest(field + ": must be a whole number of minutes from 1 to " + MAX_MINUTES);
        }
        return value.asInt();
    }

    private static LocalTime time(JsonNode json, String field) {
        String value = text(json, field);
        if (!TIME.matcher(value).matches()) {
            throw ApiException.badRequest(field + ": must be a time HH:MM (00:00 to 23:59)");
        }
        return LocalTime.parse(value);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + ": must be a string");
        }
        return value.asText();
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field + ": required");
        }
        return value;
    }
}
