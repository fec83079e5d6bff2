package io.joystick.device.automation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.device.automation.repository.AutomationRepository;
import io.joystick.device.automation.service.TransitionCalculator.Transition;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.service.DeviceDeleted;
import io.joystick.device.registry.service.DeviceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * A device's schedule ({@code /api/devices/{id}/automation}): read by whoever sees the device, written by its owner
 * or an admin (the resource adds {@code control-mode}). Writing (re)starts it: the state it says now is applied at
 * once, and a duration schedule cycles from that moment.
 */
@ApplicationScoped
public class DeviceSchedules {

    private static final Logger LOG = Logger.getLogger(DeviceSchedules.class);

    public record NextTransition(Instant at, String mode) {
    }

    public record View(JsonNode automation, NextTransition nextTransition) {
    }

    private final DeviceService devices;
    private final AutomationRepository automations;
    private final TransitionTriggers triggers;
    private final ObjectMapper json;
    private final Clock clock;

    public DeviceSchedules(DeviceService devices, AutomationRepository automations, TransitionTriggers triggers,
            ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.automations = automations;
        this.triggers = triggers;
        this.json = json;
        this.clock = clock;
    }

    public View get(Caller caller, String deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Device device = devices.require(deviceId);
            if (!devices.canSee(caller, device)) {
                throw ApiException.forbidden(ErrorBody.DEVICE_ACCESS_DENIED);
            }
            return view(device.automation, device.automationSince);
        });
    }

    public View put(Caller caller, String deviceId, JsonNode body) {
        // millisecond precision: the triggers carry it, and it must match the stored value
        Instant since = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Automation automation = QuarkusTransaction.requiringNew().call(() -> {
            devices.requireOwner(caller, devices.require(deviceId));
            Automation parsed = AutomationParser.parse(body);
            automations.write(deviceId, parsed.toJson().toString(), since, Instant.now());
            return parsed;
        });
        try {
            triggers.disarm(deviceId); // the replaced schedule's triggers
            if (automation.enabled()) {
                triggers.arm(deviceId, automation, since, null);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Schedule of device " + deviceId + " stored but not armed", e);
        }
        return view(automation, since);
    }

    public void delete(Caller caller, String deviceId) {
        QuarkusTransaction.requiringNew().run(() -> {
            devices.requireOwner(caller, devices.require(deviceId));
            automations.write(deviceId, null, null, Instant.now());
        });
        disarm(deviceId);
    }

    void deviceDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceDeleted deleted) {
        disarm(deleted.id());
    }

    /**
     * At start: every enabled schedule armed (after a time when no instance ran, its current state is applied once),
     * and jobs of devices without one removed.
     */
    void atStart(@Observes StartupEvent start) {
        armAll();
    }

    public void armAll() {
        java.util.Map<String, Device> scheduled = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> automations.scheduled().forEach(device -> scheduled.put(device.id, device)));
        try {
            for (JobKey job : triggers.armed()) {
                if (!scheduled.containsKey(job.getName())) {
                    triggers.disarm(job.getName());
                }
            }
        } catch (SchedulerException e) {
            LOG.errorf("Stale schedule jobs not listed: %s", e.toString());
        }
        scheduled.values().forEach(device -> {
            try {
                Automation automation = AutomationParser.parse(json.readTree(device.automation));
                if (automation.enabled()) {
                    triggers.arm(device.id, automation, device.automationSince, device.automationApplied);
                } else {
                    triggers.disarm(device.id);
                }
            } catch (Exception e) {
                LOG.errorf("Schedule of device %s not armed: %s", device.id, e.toString());
            }
        });
    }

    private void disarm(String deviceId) {
        try {
            triggers.disarm(deviceId);
        } catch (SchedulerException e) {
            // its transitions find no schedule and do nothing
            LOG.errorf("Triggers of device %s not removed: %s", deviceId, e.toString());
        }
    }

    private View view(String stored, Instant since) throws JsonProcessingException {
        return stored == null ? new View(null, null) : view(AutomationParser.parse(json.readTree(stored)), since);
    }

    private View view(Automation automation, Instant since) {
        if (!automation.enabled()) {
            return new View(automation.toJson(), null);
        }
        Transition next = TransitionCalculator.next(automation, since, clock.instant());
        return new View(automation.toJson(), next == null ? null : new NextTransition(next.at(), next.mode()));
    }
}
