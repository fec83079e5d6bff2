package io.joystick.device.run.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.common.Ids;
import io.joystick.auth.error.ApiException;
import io.joystick.device.action.repository.Action;
import io.joystick.device.action.repository.ActionRepository;
import io.joystick.device.model.repository.DeviceModel;
import io.joystick.device.model.repository.ModelRepository;
import io.joystick.device.run.config.RunConfig;
import io.joystick.device.run.repository.RunDefinition;
import io.joystick.device.run.repository.RunRepository;

@ApplicationScoped
public class RunService {

    static final String LOCAL_RUNS_OFF =
            "target: local runs are switched off on this service (JOYSTICK_LOCAL_RUNS=false)";

    private final RunRepository runs;
    private final ModelRepository models;
    private final ActionRepository actions;
    private final ParameterSchemas schemas;
    private final ObjectMapper json;
    private final RunConfig config;
    private final TemplateSafety safety;

    public RunService(RunRepository runs, ModelRepository models, ActionRepository actions, ParameterSchemas schemas,
            ObjectMapper json, RunConfig config, TemplateSafety safety) {
        this.runs = runs;
        this.models = models;
        this.actions = actions;
        this.schemas = schemas;
        this.json = json;
        this.config = config;
        this.safety = safety;
    }

    @Transactional
    public List<RunView> list() {
        return runs.listAll().stream().map(this::view).toList();
    }

    @Transactional
    public RunView get(String id) {
        return view(require(id));
    }

    @Transactional
    public RunView create(RunInput input) {
        DeviceModel model = models.require(input.model());
        Action action = actions.require(input.action());
        if (runs.forModelAndAction(model.id, action.id).isPresent()) {
            throw ApiException
                    .conflict("A run for model " + model.name + " and action " + action.name + " already exists");
        }
        RunDefinition run = new RunDefinition();
        run.id = Ids.next();
        run.modelId = model.id;
        run.actionId = action.id;
        run.created = Instant.now();
        apply(run, input);
        runs.persist(run);
        return view(run);
    }

    @Transactional
    public RunView update(String id, RunInput input) {
        RunDefinition run = require(id);
        DeviceModel model = models.require(input.model());
        Action action = actions.require(input.action());
        runs.forModelAndAction(model.id, action.id).filter(other -> !other.id.equals(id)).ifPresent(other -> {
            throw ApiException
                    .conflict("A run for model " + model.name + " and action " + action.name + " already exists");
        });
        run.modelId = model.id;
        run.actionId = action.id;
        apply(run, input);
        return view(run);
    }

    @Transactional
    public void delete(String id) {
        runs.delete(require(id));
    }

    private void apply(RunDefinition run, RunInput input) {
        if (input.parameters() != null && !input.parameters().isNull()) {
            if (!input.parameters().isObject()) {
                throw ApiException.badRequest("parameters: must be a JSON Schema object");
            }
            schemas.requireValid(input.parameters());
            run.parameters = input.parameters().toString();
        } else {
            run.parameters = null;
        }
        safety.requireSafe(input.command(), input.parameters() == null || input.parameters().isNull() ? null
                : input.parameters());
        run.command = input.command();
        run.target = input.target() == null ? RunDefinition.Target.device.name() : input.target();
        if (RunDefinition.Target.local.name().equals(run.target) && !config.localEnabled()) {
            throw ApiException.badRequest(LOCAL_RUNS_OFF);
        }
        if (input.timeout() != null && input.timeout() > config.maxTimeout().toSeconds()) {
            // otherwise every run of it would be refused, blaming the caller
            throw ApiException.badRequest("timeout: must be at most " + config.maxTimeout().toSeconds()
                    + " seconds (joystick.run.max-timeout)");
        }
        run.timeoutSeconds = input.timeout();
        run.permission = input.permission();
        run.updated = Instant.now();
    }

    private RunDefinition require(String id) {
        return runs.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Run not found: " + id));
    }

    private RunView view(RunDefinition run) {
        return new RunView(run.id, run.modelId, run.actionId, run.command, run.target, parse(run.parameters),
                run.timeoutSeconds, run.created, run.updated, run.permission);
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON", e);
        }
    }
}
