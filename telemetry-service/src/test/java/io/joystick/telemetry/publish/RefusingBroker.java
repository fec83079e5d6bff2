package io.joystick.telemetry.publish;

import java.util.Map;

/** The broker of {@link PublishingBroker}, given a wrong password for the device, and a queue of five readings. */
public class RefusingBroker extends PublishingBroker {

    public static final String WRONG_PASSWORD = "wrong-password-0815";

    @Override
    protected String passwordToUse() {
        return WRONG_PASSWORD;
    }

    @Override
    protected Map<String, String> more() {
        return Map.of("telemetry.publish.queue.max-readings", "5");
    }
}
