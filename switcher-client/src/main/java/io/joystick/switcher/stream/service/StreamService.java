package io.joystick.switcher.stream.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.device.client.Device;
import io.joystick.switcher.stream.client.MediaMtxClient;

/**
 * The device's stream path in MediaMTX: {@code live} adds it, {@code auto} adds it pulled on demand,
 * {@code off} removes it; a slot switch repoints its source.
 */
@ApplicationScoped
public class StreamService {

    public static final String LIVE = "live";
    public static final String OFF = "off";
    public static final String AUTO = "auto";
    public static final Set<String> MODES = Set.of(LIVE, OFF, AUTO);

    private final MediaMtxClient mediaMtx;

    public StreamService(MediaMtxClient mediaMtx) {
        this.mediaMtx = mediaMtx;
    }

    /** Puts MediaMTX in line with {@code mode}, streaming from the device's active slot; returns the path name. */
    public String apply(Device device, String mode) {
        String name = StreamPaths.name(device);
        if (OFF.equals(mode)) {
            mediaMtx.delete(name);
        } else {
            mediaMtx.addOrReplace(name, StreamPaths.config(device, device.activeSlot(), AUTO.equals(mode)));
        }
        return name;
    }

    /** Points the path of a streaming device at {@code slot}'s host; devices not streaming have no path. */
    public void repoint(Device device, String slot) {
        if (!hasPath(device.mode())) {
            return;
        }
        String name = StreamPaths.name(device);
        if (!mediaMtx.patch(name, StreamPaths.config(device, slot, AUTO.equals(device.mode())))) {
            // MediaMTX lost it (a restart forgets paths added through the API): add it again
            mediaMtx.addOrReplace(name, StreamPaths.config(device, slot, AUTO.equals(device.mode())));
        }
    }

    public static boolean hasPath(String mode) {
        return LIVE.equals(mode) || AUTO.equals(mode);
    }
}
