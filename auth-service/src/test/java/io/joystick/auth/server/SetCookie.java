package io.joystick.auth.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.restassured.http.Headers;

/** One {@code Set-Cookie} header, read attribute by attribute. */
public record SetCookie(String name, String value, Map<String, String> attributes) {

    /** The session cookie among a response's {@code Set-Cookie} headers (login also sets the device cookie). */
    public static SetCookie session(Headers headers) {
        return headers.getValues("Set-Cookie").stream().map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals("joystick_session")).findFirst()
                .orElseThrow(() -> new AssertionError("no joystick_session cookie in " + headers));
    }

    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int sep = part.indexOf('=');
            attributes.put(sep < 0 ? part : part.substring(0, sep), sep < 0 ? "" : part.substring(sep + 1));
        }
        return new SetCookie(parts[0].substring(0, eq).trim(), parts[0].substring(eq + 1).trim(), attributes);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public String get(String attribute) {
        return attributes.get(attribute);
    }

    public String sameSite() {
        String value = get("SameSite");
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
