package io.joystick.device.automation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.permission.Caller;
import io.joystick.device.automation.repository.AutomationRepository;
import io.joystick.device.log.service.ActionLogService;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.repository.DeviceRepository;
import io.joystick.device.run.service.ActionRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Carries out one transition: {@code set-mode} through {@link ActionRunner}, exactly as {@code POST
 * /api/run/{device}/set-mode} would, as the service principal {@code service:automation}. A failure (no set-mode
 * for the model, the device unreachable, switcher-client not told) is logged and audited as a failed run; the
 * schedule goes on, and its next transition tries again.
 */
@ApplicationScoped
public class Transitions {

    private static final Logger LOG = Logger.getLogger(Transitions.class);

    public static final String PRINCIPAL = "service:automation";
    static final Caller CALLER = new Caller(PRINCIPAL, PRINCIPAL, true, false, Set.of());
    static final String USER_AGENT = "Joystick schedule";

    private final DeviceRepository devices;
    private final AutomationRepository automations;
    private final TransitionTriggers triggers;
    private final ActionRunner runner;
    private final ActionLogService logs;
    private final ObjectMapper json;
    private final Clock clock;

    public Transitions(DeviceRepository devices, AutomationRepository automations, TransitionTriggers triggers,
            ActionRunner runner, ActionLogService logs, ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.automations = automations;
        this.triggers = triggers;
        this.runner = runner;
        this.logs = logs;
        this.json = json;
        this.clock = clock;
    }

    private record Scheduled(Automation automation, Instant applied) {
    }

    /**
     * The transition at {@code at} to {@code mode} of the schedule written at {@code since}: nothing when the device,
     * or that schedule, is gone or disabled, or when the transition was already carried out.
     */
    public void carryOut(String deviceId, Instant at, String mode, Instant since) {
        Scheduled scheduled = QuarkusTransaction.requiringNew().call(() -> {
            Device device = devices.findById(deviceId);
            if (device == null || device.automation == null || !Objects.equals(device.automationSince, since)) {
                return null;
            }
            Automation automation = AutomationParser.parse(json.readTree(device.automation));
            return automation.enabled() ? new Scheduled(automation, device.automationApplied) : null;
        });
        if (scheduled == null) {
            LOG.debugf("Transition of device %s at %s dropped: its schedule is gone or was replaced", deviceId, at);
            return;
        }
        if (scheduled.applied() == null || scheduled.applied().isBefore(at)) {
            setMode(deviceId, mode);
            QuarkusTransaction.requiringNew().run(() -> automations.applied(deviceId, since, at));
        }
        try {
            Instant now = clock.instant();
            triggers.scheduleNext(deviceId, scheduled.automation(), since, now.isAfter(at) ? now : at);
        } catch (Exception e) {
            LOG.errorf("Next transition of device %s not scheduled: %s; it is at the next start at the latest",
                    deviceId, e.toString());
        }
    }

    private void setMode(String deviceId, String mode) {
        JsonNode parameters = json.createObjectNode().put("mode", mode);
        try {
            ActionRunner.Result result = runner.run(new ActionRunner.Request(CALLER, deviceId, ActionRunner.SET_MODE,
                    parameters, null, false, null, USER_AGENT, true));
            if (result.status() != 200) {
                LOG.warnf("Schedule of device %s: set-mode %s failed (%d): %s", deviceId, mode, result.status(),
                        result.outcome().error());
            }
        } catch (RuntimeException e) {
            // refused before anything ran (no set-mode for the model, no SSH address, ...): the runner logged nothing
            LOG.warnf("Schedule of device %s: set-mode %s refused: %s", deviceId, mode, e.getMessage());
            try {
                logs.record(new ActionLogService.Entry(deviceId, ActionRunner.SET_MODE, PRINCIPAL, parameters, false,
                        null, null, "Schedule could not run set-mode: " + e.getMessage(), 0, null, USER_AGENT, false));
            } catch (RuntimeException notLogged) {
                LOG.errorf("Action log entry for the schedule of device %s not written: %s", deviceId,
                        notLogged.getClass().getName());
            }
        }
    }
}
