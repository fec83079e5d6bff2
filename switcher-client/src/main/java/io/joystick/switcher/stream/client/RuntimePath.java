package io.joystick.switcher.stream.client;

/** A path as MediaMTX runs it now: whether its source is ready (publishing) and how many read it. */
public record RuntimePath(String name, boolean ready, int readers) {
}
