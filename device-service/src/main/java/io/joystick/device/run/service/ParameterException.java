package io.joystick.device.run.service;

import java.util.List;

/** The run's parameters failed its JSON Schema: a 400 listing every problem. */
public class ParameterException extends RuntimeException {

    private final List<String> problems;

    public ParameterException(List<String> problems) {
        super("Invalid parameters: " + String.join("; ", problems), null, false, false);
        this.problems = problems;
    }

    public List<String> problems() {
        return problems;
    }
}
