package io.joystick.switcher.health.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.joystick.device.client.Device;

/**
 * A device's health as {@code GET /api/health/…} shows it. {@code lastDecision} is what the last check concluded
 * and why (also when it did not switch: hold time, other slot unhealthy, threshold not reached);
 * {@code switchHeldUntil} is set while only the hold time keeps the device from switching.
 */
public record HealthView(String device, boolean monitored, String activeSlot, int failureCount, Instant lastCheck,
        Instant lastSwitch, String lastSwitchReason, String lastDecision, Instant lastDecisionAt,
        Instant switchHeldUntil,
        Map<String, SlotView> slots) implements HealthCheckAnswer {

    public record SlotView(String host, String status, int consecutiveFailures, Instant lastCheck, Instant healthySince,
            String lastError) {
    }

    public static HealthView of(DeviceHealth health, boolean monitored) {
        Map<String, SlotView> slots = new LinkedHashMap<>();
        for (String slot : new String[] {Device.PRIMARY, Device.SECONDARY}) {
            SlotHealth s = health.slot(slot);
            slots.put(slot, new SlotView(health.hostOf(slot), s.status().name().toLowerCase(), s.consecutiveFailures(),
                    s.lastCheck(), s.healthySince(), s.lastError()));
        }
        Decision decision = health.lastDecision();
        return new HealthView(health.deviceId(), monitored, health.activeSlot(),
                health.slot(health.activeSlot()).consecutiveFailures(), health.lastCheck(), health.lastSwitch(),
                health.lastSwitchReason(), decision == null ? null : decision.reason(), health.lastDecisionAt(),
                decision == null ? null : decision.heldUntil(), slots);
    }
}
