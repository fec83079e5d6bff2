package io.joystick.device.switcher.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * switcher-client with a short wait, so a run never hangs on it; a switcher that cannot be reached (not one
 * that answers with an error) is left alone for a while. The fault tolerance is set here, for every call.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
        skipOn = WebApplicationException.class)
public class SwitcherClient {

    private final SwitcherApi api;

    public SwitcherClient(@RestClient SwitcherApi api) {
        this.api = api;
    }

    public void mode(String deviceId, String mode) {
        api.mode(deviceId, mode);
    }
}
