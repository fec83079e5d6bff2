package io.joystick.switcher.stream.service;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.joystick.auth.common.MediaMtxPathFields;
import io.joystick.auth.error.ApiException;
import io.joystick.device.client.Device;

/**
 * A device's MediaMTX path, from its {@code configuration}: {@code path} names it (default: the device
 * id), every other field is MediaMTX path configuration, with {@code $host} in any text replaced by the
 * host of the slot in use. So {@code {"source":"rtsp://$host:8554/cam"}} follows the active slot.
 * Only the fields of {@link MediaMtxPathFields} are forwarded; a device whose configuration holds anything
 * else (recording, {@code runOn…} hooks, unknown keys) is refused with a 400, even one stored before
 * device-service checked it: whoever may edit a device must not write files or run commands on the media server.
 */
public final class StreamPaths {

    public static final String HOST_TOKEN = "$host";
    private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,64}");

    private StreamPaths() {
    }

    public static String name(Device device) {
        JsonNode path = device.configuration() == null ? null : device.configuration().get("path");
        if (path == null || path.isNull()) {
            return device.id();
        }
        if (!path.isTextual() || !PATH_NAME.matcher(path.asText()).matches()) {
            throw ApiException.badRequest("configuration.path: letters, digits, '_', '.', '~' or '-', at most 64");
        }
        return path.asText();
    }

    /** The path configuration for the device streaming from {@code slot}; {@code onDemand} for mode auto. */
    public static ObjectNode config(Device device, String slot, boolean onDemand) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        JsonNode configuration = device.configuration();
        String host = device.hostOf(slot) == null ? "" : device.hostOf(slot);
        MediaMtxPathFields.require(configuration);
        if (configuration != null && configuration.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = configuration.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (MediaMtxPathFields.PATH_NAME.equals(field.getKey())) {
                    continue;
                }
                config.set(field.getKey(), withHost(field.getValue(), host));
            }
        }
        if (onDemand && !config.has("sourceOnDemand")) {
            config.put("sourceOnDemand", true);
        }
        return config;
    }

    /** Values are scalars ({@link MediaMtxPathFields}): only text can hold {@code $host}. */
    private static JsonNode withHost(JsonNode value, String host) {
        return value.isTextual() ? TextNode.valueOf(value.asText().replace(HOST_TOKEN, host)) : value;
    }
}
