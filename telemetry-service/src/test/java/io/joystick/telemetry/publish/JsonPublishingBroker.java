package io.joystick.telemetry.publish;

import java.util.Map;

/** The broker of {@link PublishingBroker}, the device set to publish plain JSON. */
public class JsonPublishingBroker extends PublishingBroker {

    @Override
    protected Map<String, String> more() {
        return Map.of("telemetry.publish.encoding", "json");
    }
}
