package io.joystick.switcher.stream.client;

import jakarta.ws.rs.WebApplicationException;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.RemoteErrors;

/** MediaMTX answered with an error: a 502 that carries MediaMTX's own message. */
public class MediaMtxException extends ApiException {

    private final int mediaMtxStatus;

    public MediaMtxException(int mediaMtxStatus, String mediaMtxError) {
        super(502, "MediaMTX refused (" + mediaMtxStatus + "): " + mediaMtxError);
        this.mediaMtxStatus = mediaMtxStatus;
    }

    /** MediaMTX's error answer, with its message (or, without one, what its status means). */
    static MediaMtxException of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String error = RemoteErrors.errorOf(e);
        if (error == null) {
            error = status == 401 ? "authentication failed (check JOYSTICK_MEDIAMTX_USER/PASSWORD)"
                    : e.getResponse().getStatusInfo().getReasonPhrase();
        }
        return new MediaMtxException(status, error);
    }

    public int mediaMtxStatus() {
        return mediaMtxStatus;
    }
}
