package io.joystick.device.execution;

import java.util.Map;

public final class CommandTemplate {
    private CommandTemplate() { }
    public static String render(String template, Map<String, String> builtins, Map<String, Object> parameters) {
        throw new UnsupportedOperationException("stub");
    }
}
