package io.joystick.device.run.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an action runs on a model: a command template, where, with which parameters (a JSON Schema). */
@Entity
@Table(name = "runs")
public class RunDefinition {

    public enum Target {
        device, local
    }

    @Id
    public String id;

    @Column(name = "model_id")
    public String modelId;

    @Column(name = "action_id")
    public String actionId;

    public String command;

    public String target;

    /** JSON Schema of the request body, or null for "no parameters checked". */
    public String parameters;

    @Column(name = "timeout_seconds")
    public Integer timeoutSeconds;

    /** The feature permission its callers need (e.g. {@code control-ptz}), or null for the allow-list alone. */
    public String permission;

    public Instant created;

    public Instant updated;
}
