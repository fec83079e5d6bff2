package io.joystick.device.log.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.joystick.device.log.repository.ActionLog;
import io.joystick.device.log.repository.ActionLogRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes the audit trail of runs, in its own transaction so failures are recorded too. */
@ApplicationScoped
public class ActionLogService {

    /** Parameter names whose values are never stored. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(pass|pwd|secret|token|key|credential|pin|puk|psk|auth).*");
    private static final int MAX_OUTPUT = 8000;

    private final ActionLogRepository logs;

    public ActionLogService(ActionLogRepository logs) {
        this.logs = logs;
    }

    public record Entry(String deviceId, String action, String userId, JsonNode parameters, boolean success,
            Integer exitCode, String output, String error, long durationMs, String clientAddress, String userAgent,
            boolean quiet) {
    }

    /**
     * Stores the entry in its own transaction. A database that is restarting or failing over loses no entry: the
     * write is tried again, each time in a new transaction with a new entity, for a few seconds before the
     * failure reaches the caller.
     */
    @Retry(maxRetries = 5, delay = 500, jitter = 250, maxDuration = 10, durationUnit = ChronoUnit.SECONDS)
    public void record(Entry entry) {
        QuarkusTransaction.requiringNew().run(() -> logs.persist(toEntity(entry)));
    }

    private static ActionLog toEntity(Entry entry) {
        ActionLog log = new ActionLog();
        log.deviceId = entry.deviceId();
        log.action = entry.action();
        log.userId = entry.userId();
        log.parameters =
                entry.parameters() == null ? null : clip(mask(entry.parameters().deepCopy()).toString(), 20000);
        log.success = entry.success();
        log.exitCode = entry.exitCode();
        log.output = clip(entry.output(), MAX_OUTPUT);
        log.error = clip(entry.error(), 1000);
        log.durationMs = entry.durationMs();
        log.clientAddress = clip(entry.clientAddress(), 64);
        log.userAgent = clip(entry.userAgent(), 500);
        log.quiet = entry.quiet();
        log.created = Instant.now();
        return log;
    }

    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_NAME.matcher(field.getKey()).matches()) {
                    object.put(field.getKey(), "***");
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ActionLogService::mask);
        }
        return node;
    }

    /** Cut to {@code max} characters; NUL becomes U+FFFD, as PostgreSQL text cannot hold it (binary output does). */
    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
        return text.length() <= max ? text : text.substring(0, max);
    }
}
