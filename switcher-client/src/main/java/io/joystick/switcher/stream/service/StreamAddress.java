package io.joystick.switcher.stream.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MediaMTX path a browser asks for through Traefik's {@code /stream/} routes: the first segment after
 * {@code /stream/}, e.g. {@code /stream/cam1/index.m3u8} (HLS) or {@code /stream/cam1/whep} (WebRTC).
 * Only names {@link StreamPaths} could have given a device; anything else names no stream.
 */
public final class StreamAddress {

    public static final String PREFIX = "/stream/";
    private static final Pattern FIRST_SEGMENT = Pattern.compile("/stream/([A-Za-z0-9_.~-]{1,64})(/.*)?");

    private StreamAddress() {
    }

    /** The path name in a forwarded URI (its query ignored), or empty when the URI names no stream. */
    public static Optional<String> pathOf(String forwardedUri) {
        if (forwardedUri == null) {
            return Optional.empty();
        }
        String uri = forwardedUri;
        int query = uri.indexOf('?');
        if (query >= 0) {
            uri = uri.substring(0, query);
        }
        Matcher m = FIRST_SEGMENT.matcher(uri);
        if (!m.matches() || m.group(1).equals(".") || m.group(1).equals("..")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
