package io.joystick.switcher.slot.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.error.ApiException;
import io.joystick.device.client.Device;
import io.joystick.switcher.health.service.DeviceHealth;
import io.joystick.switcher.health.service.HealthRegistry;
import io.joystick.switcher.health.service.SlotSwitcher;

/** Switches a device's slot when someone asks (hold time does not apply: a person decided). */
@ApplicationScoped
public class SlotService {

    private final HealthRegistry registry;
    private final SlotSwitcher switcher;

    public SlotService(HealthRegistry registry, SlotSwitcher switcher) {
        this.registry = registry;
        this.switcher = switcher;
    }

    public record Result(Device device, String previousSlot, boolean changed, String streamError) {
    }

    public Result switchTo(Device device, String slot, String requestedBy) {
        if (Device.SECONDARY.equals(slot) && !device.hasSecondSlot()) {
            throw ApiException.badRequest("Device " + device.id() + " has no secondary slot configured");
        }
        if (slot.equals(device.activeSlot())) {
            return new Result(device, slot, false, null);
        }
        DeviceHealth health = registry.of(device.id());
        health.lock().lock();
        try {
            health.sync(device);
            SlotSwitcher.Outcome outcome =
                    switcher.switchTo(device, health, slot, "requested by " + requestedBy, false);
            return new Result(outcome.device(), outcome.from(), true, outcome.streamError());
        } finally {
            health.lock().unlock();
        }
    }
}
