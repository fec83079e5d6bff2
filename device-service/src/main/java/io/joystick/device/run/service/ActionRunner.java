package io.joystick.device.run.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.crypto.SecretBox;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.device.action.repository.Action;
import io.joystick.device.action.repository.ActionRepository;
import io.joystick.device.alert.service.DeviceAlerts;
import io.joystick.device.execution.service.CommandResult;
import io.joystick.device.execution.service.CommandTemplate;
import io.joystick.device.execution.service.CommandTimeoutException;
import io.joystick.device.execution.service.ExecutionException;
import io.joystick.device.execution.service.HostKeyMismatchException;
import io.joystick.device.execution.service.LocalExecutor;
import io.joystick.device.execution.service.SshExecutor;
import io.joystick.device.execution.service.SshTarget;
import io.joystick.device.log.service.ActionLogService;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.service.DeviceService;
import io.joystick.device.run.config.RunConfig;
import io.joystick.device.run.repository.RunDefinition;
import io.joystick.device.run.repository.RunRepository;
import io.joystick.device.switcher.service.StreamModes;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code POST /api/run/{device}/{action}}: finds the run definition for the device's model, validates
 * the parameters against its JSON Schema, renders the command with every value shell-quoted, runs it on
 * the device over SSH (or locally), and records the run whatever happens.
 */
@ApplicationScoped
public class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class);

    public static final String SET_MODE = "set-mode";
    public static final String SLOT_CHECK = "slot-check";

    private final DeviceService devices;
    private final ActionRepository actions;
    private final RunRepository runs;
    private final ParameterSchemas schemas;
    private final LocalExecutor local;
    private final SshExecutor ssh;
    private final SecretBox secrets;
    private final ActionLogService logs;
    private final RunConfig config;
    private final ObjectMapper json;
    private final StreamModes streamModes;
    private final DeviceAlerts alerts;
    private final TemplateSafety safety;

    public ActionRunner(DeviceService devices, ActionRepository actions, RunRepository runs, ParameterSchemas schemas,
            LocalExecutor local, SshExecutor ssh, SecretBox secrets, ActionLogService logs, RunConfig config,
            ObjectMapper json, StreamModes streamModes, DeviceAlerts alerts, TemplateSafety safety) {
        this.devices = devices;
        this.actions = actions;
        this.runs = runs;
        this.schemas = schemas;
        this.local = local;
        this.ssh = ssh;
        this.secrets = secrets;
        this.logs = logs;
        this.config = config;
        this.json = json;
        this.streamModes = streamModes;
        this.alerts = alerts;
        this.safety = safety;
    }

    /**
     * {@code streamRequired}: a {@code set-mode} whose switcher-client call fails is reported (and logged) as failed
     * (502) although the mode is stored, for callers that retry on their own (schedules); otherwise it succeeds.
     */
    public record Request(Caller caller, String deviceId, String action, JsonNode parameters, Integer timeoutSeconds,
            boolean quiet, String clientAddress, String userAgent, boolean streamRequired) {

        public Request(Caller caller, String deviceId, String action, JsonNode parameters, Integer timeoutSeconds,
                boolean quiet, String clientAddress, String userAgent) {
            this(caller, deviceId, action, parameters, timeoutSeconds, quiet, clientAddress, userAgent, false);
        }
    }

    public record Result(int status, RunOutcome outcome) {
    }

    /** The device as the run needs it, read in one short transaction (no transaction spans the command). */
    private record Plan(Device device, String action, RunDefinition run, Map<String, String> builtins, String host) {
    }

    public Result run(Request request) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(request));
        safety.refusal(plan.run().command, plan.run().parameters).ifPresent(reason -> refuse(plan, request, reason));
        safety.requireSafeValues(plan.run().command, plan.run().parameters, request.parameters(), plan.builtins());
        String command;
        try {
            command = CommandTemplate.render(plan.run().command, plan.builtins(), parameterMap(request.parameters()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // e.g. a NUL byte, which no shell argument can carry
        }
        Duration timeout = timeout(request.timeoutSeconds(), plan.run().timeoutSeconds);
        long start = System.nanoTime();
        Result result;
        try {
            CommandResult executed = RunDefinition.Target.local.name().equals(plan.run().target)
                    ? local.run(command, timeout, config.outputLimitBytes())
                    : ssh.run(sshTarget(plan), command, timeout, config.outputLimitBytes());
            result = executed.exitCode() == 0
                    ? new Result(200,
                            RunOutcome.succeeded(executed.output(), 0, executed.durationMs(), executed.truncated()))
                    : new Result(500, RunOutcome.exited(executed.output(), executed.exitCode(), executed.durationMs(),
                            executed.truncated()));
        } catch (CommandTimeoutException e) {
            result = new Result(504,
                    RunOutcome.failed("Timed out after " + timeout.toSeconds() + " s: " + e.getMessage(),
                            millisSince(start)));
        } catch (HostKeyMismatchException e) {
            alerts.hostKeyChanged(plan.device().id, plan.device().name, plan.host());
            result = new Result(502, RunOutcome.failed(e.getMessage(), millisSince(start)));
        } catch (ExecutionException e) {
            result = new Result(502, RunOutcome.failed(e.getMessage(), millisSince(start)));
        }
        if (result.status() == 200 && SET_MODE.equals(plan.action())) {
            java.util.Optional<String> mode = modeFrom(request.parameters());
            if (mode.isPresent()) {
                devices.setMode(plan.device().id, mode.get());
                java.util.Optional<String> streamError = streamModes.changed(plan.device().id, mode.get());
                if (streamError.isPresent() && request.streamRequired()) {
                    RunOutcome ran = result.outcome();
                    result = new Result(502, new RunOutcome(false, ran.output(), ran.exitCode(), ran.durationMs(),
                            "Mode " + mode.get() + " stored, but switcher-client was not told: " + streamError.get(),
                            ran.truncated()));
                }
            }
        }
        RunOutcome outcome = result.outcome();
        try {
            logs.record(new ActionLogService.Entry(plan.device().id, plan.action(), request.caller().id(),
                    request.parameters(), outcome.success(), outcome.exitCode(), outcome.output(), outcome.error(),
                    outcome.durationMs() == null ? millisSince(start) : outcome.durationMs(), request.clientAddress(),
                    request.userAgent(), request.quiet()));
        } catch (RuntimeException e) {
            // The command has run: its caller gets its result. The write was retried for seconds (a database
            // restart loses nothing); past that, the missing audit entry is an operator's problem.
            LOG.errorf("Action log entry for %s on device %s not written: %s", plan.action(), plan.device().id,
                    e.getClass().getName());
        }
        return result;
    }

    /** A definition stored before the template rules (or written to the database directly) does not run. */
    private void refuse(Plan plan, Request request, String reason) {
        String error = "Refused, nothing ran: " + reason;
        logs.record(
                new ActionLogService.Entry(plan.device().id, plan.action(), request.caller().id(), request.parameters(),
                        false, null, null, error, 0, request.clientAddress(), request.userAgent(), request.quiet()));
        throw ApiException.badRequest(error);
    }

    private Plan plan(Request request) {
        Device device = devices.require(request.deviceId());
        if (!devices.canSee(request.caller(), device)) {
            throw ApiException.forbidden(io.joystick.auth.error.ErrorBody.DEVICE_ACCESS_DENIED);
        }
        Action action = actions.findByIdOrName(request.action())
                .orElseThrow(() -> ApiException.notFound("Action not found: " + request.action()));
        RunDefinition run = runs.forModelAndAction(device.modelId, action.id)
                .orElseThrow(() -> ApiException
                        .notFound("Action " + action.name + " is not defined for this device's model"));
        RunPermissions.require(request.caller(), action.name, run);
        if (RunDefinition.Target.local.name().equals(run.target) && !config.localEnabled()) {
            throw ApiException
                    .conflict("Action " + action.name + " runs on the device-service host (target local), and "
                            + "local runs are switched off on this service (JOYSTICK_LOCAL_RUNS=false)");
        }
        JsonNode parameters = request.parameters();
        if (parameters == null || !parameters.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object of parameters");
        }
        if (run.parameters != null) {
            List<String> problems = schemas.problems(run.parameters, parameters);
            if (!problems.isEmpty()) {
                throw new ParameterException(problems);
            }
        }
        String slot = device.activeSlot;
        if (SLOT_CHECK.equals(action.name)) {
            slot = parameters.path("slot").asText(device.activeSlot);
            if (!Device.PRIMARY.equals(slot) && !Device.SECONDARY.equals(slot)) {
                throw ApiException.badRequest("slot: must be 'primary' or 'secondary'");
            }
            if (Device.SECONDARY.equals(slot) && !device.hasSecondSlot()) {
                throw ApiException.badRequest("Device " + device.id + " has no secondary slot configured");
            }
        }
        String host = device.hostOf(slot);
        Map<String, String> builtins = new HashMap<>();
        builtins.put("device", device.id);
        builtins.put("host", host == null ? "" : host);
        builtins.put("port", String.valueOf(device.sshPort()));
        builtins.put("user", device.user == null ? "" : device.user);
        builtins.put("phone", device.phoneOf(slot) == null ? "" : device.phoneOf(slot));
        builtins.put("userId", request.caller().id() == null ? "" : request.caller().id());
        if (RunDefinition.Target.device.name().equals(run.target) && (host == null || device.user == null)) {
            throw ApiException.badRequest("Device " + device.id + " has no SSH host or user configured");
        }
        return new Plan(device, action.name, run, builtins, host);
    }

    private SshTarget sshTarget(Plan plan) {
        Device device = plan.device();
        return new SshTarget(device.id, plan.host(), device.sshPort(), device.user,
                device.passwordSealed == null ? null : secrets.decrypt(device.passwordSealed),
                device.privateKeySealed == null ? null : secrets.decrypt(device.privateKeySealed));
    }

    private Duration timeout(Integer requested, Integer defined) {
        // a definition stored before the maximum was lowered runs with the maximum rather than never
        Duration timeout = requested != null ? Duration.ofSeconds(requested)
                : defined != null ? min(Duration.ofSeconds(defined), config.maxTimeout()) : config.defaultTimeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(config.maxTimeout()) > 0) {
            throw ApiException
                    .badRequest("timeout: must be between 1 and " + config.maxTimeout().toSeconds() + " seconds");
        }
        return timeout;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Map<String, Object> parameterMap(JsonNode parameters) {
        Map<String, Object> values = new HashMap<>();
        parameters.fields().forEachRemaining(field -> values.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue()));
        return values;
    }

    private static java.util.Optional<String> modeFrom(JsonNode parameters) {
        JsonNode mode = parameters.path("mode");
        return mode.isTextual() && mode.asText().matches("[a-z0-9_-]{1,20}") ? java.util.Optional.of(mode.asText())
                : java.util.Optional.empty();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
