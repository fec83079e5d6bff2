package io.joystick.auth.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.joystick.auth.error.ApiException;

/**
 * What a device's {@code configuration} may hand to MediaMTX as path configuration: where the stream comes from
 * and how it is pulled, nothing else. Recording ({@code record}, {@code recordPath}: files written on the media
 * server), hooks ({@code runOn…}: commands on it), credentials, redirects and keys MediaMTX does not know are
 * refused, so whoever may edit a device gets no foothold on the media server. {@code path} is Joystick's own
 * (the path's name) and never forwarded. device-service checks it when a device is written, switcher-client
 * again before it forwards one (a device stored before this rule).
 */
public final class MediaMtxPathFields {

    /** Joystick's own field: the MediaMTX path's name. */
    public static final String PATH_NAME = "path";

    /** The MediaMTX path fields forwarded; each takes a plain string, number or boolean. */
    public static final Set<String> FORWARDED = Set.of(
            "source",
            "sourceFingerprint",
            "sourceOnDemand",
            "sourceOnDemandStartTimeout",
            "sourceOnDemandCloseAfter",
            "maxReaders",
            "useAbsoluteTimestamp",
            "rtspTransport",
            "rtspAnyPort",
            "rtspRangeType",
            "rtspRangeStart");

    private MediaMtxPathFields() {
    }

    /** Every field of the configuration that may not be there, or a value that is not a plain scalar. */
    public static List<String> problems(JsonNode configuration) {
        List<String> problems = new ArrayList<>();
        if (configuration == null || configuration.isNull()) {
            return problems;
        }
        if (!configuration.isObject()) {
            problems.add("configuration: must be a JSON object");
            return problems;
        }
        Set<String> refused = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = configuration.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!PATH_NAME.equals(name) && !FORWARDED.contains(name)) {
                refused.add(name);
            } else if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                problems.add("configuration." + name + ": must be a string, a number or a boolean");
            }
        }
        if (!refused.isEmpty()) {
            problems.add(0, "configuration: " + String.join(", ", refused) + " not allowed; allowed are "
                    + allowed());
        }
        return problems;
    }

    /** @throws ApiException 400 listing the problems and what is allowed */
    public static void require(JsonNode configuration) {
        List<String> problems = problems(configuration);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }

    /** The allowed field names, sorted, for messages and documentation. */
    public static String allowed() {
        Set<String> all = new TreeSet<>(FORWARDED);
        all.add(PATH_NAME);
        return String.join(", ", all);
    }
}
