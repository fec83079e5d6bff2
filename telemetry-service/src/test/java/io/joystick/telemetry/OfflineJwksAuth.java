package io.joystick.telemetry;

import java.util.HashMap;
import java.util.Map;

import io.joystick.auth.testapp.JwksFileAuth;

/**
 * The service as on an edge device with no network: tokens verified with the JWKS file only, auth-service
 * unreachable (nothing listens on port 1) and the revocation poll running and failing every second.
 */
public class OfflineJwksAuth extends JwksFileAuth {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("joystick.auth-url", "http://127.0.0.1:1");
        config.put("joystick.revocation.poll-enabled", "true");
        config.put("joystick.revocation.poll-interval", "1s");
        return config;
    }
}
