package io.joystick.switcher.health.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A probe whose slots are up or down as the test says, recording every check it was asked for. */
final class ScriptedProbe implements SlotProbe {

    private final Map<String, SlotCheckResult> state = new java.util.HashMap<>(
            Map.of("primary", SlotCheckResult.healthy(), "secondary", SlotCheckResult.healthy()));
    final List<String> checks = new ArrayList<>();

    ScriptedProbe up(String slot) {
        state.put(slot, SlotCheckResult.healthy());
        return this;
    }

    ScriptedProbe down(String slot) {
        state.put(slot, SlotCheckResult.unhealthy("no route to host"));
        return this;
    }

    ScriptedProbe unknown(String slot) {
        state.put(slot, SlotCheckResult.inconclusive("device-service unavailable"));
        return this;
    }

    @Override
    public SlotCheckResult check(String slot) {
        checks.add(slot);
        return state.get(slot);
    }
}
