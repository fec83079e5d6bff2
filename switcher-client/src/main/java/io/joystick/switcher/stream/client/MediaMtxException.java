package io.joystick.switcher.stream.client;

import io.joystick.auth.error.ApiException;

/** MediaMTX answered with an error: a 502 that carries MediaMTX's own message. */
public class MediaMtxException extends ApiException {

    private final int mediaMtxStatus;

    public MediaMtxException(int mediaMtxStatus, String mediaMtxError) {
        super(502, "MediaMTX refused (" + mediaMtxStatus + "): " + mediaMtxError);
        this.mediaMtxStatus = mediaMtxStatus;
    }

    public int mediaMtxStatus() {
        return mediaMtxStatus;
    }
}
