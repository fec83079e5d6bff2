package io.joystick.device.registry.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.joystick.auth.common.Ids;
import io.joystick.auth.common.MediaMtxPathFields;
import io.joystick.auth.crypto.SecretBox;
import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.device.alert.service.DeviceAlerts;
import io.joystick.device.catalog.repository.UniqueInsert;
import io.joystick.device.execution.service.SshExecutor;
import io.joystick.device.model.repository.ModelRepository;
import io.joystick.device.registry.repository.Device;
import io.joystick.device.registry.repository.DeviceRepository;

/**
 * Devices and the collection rules of docs/architecture.md#4-device-service: users see devices whose allow-list holds them (or that
 * they own); creating needs admin or {@code create-device}; changing or deleting needs the owner or an
 * admin; only they edit the allow-list. Services pass every check.
 */
@ApplicationScoped
public class DeviceService {

    public static final String CREATE_PERMISSION = "create-device";
    /** The column's size (V1__device_schema.sql). */
    static final int MAX_CONFIGURATION = 20000;

    private final DeviceRepository devices;
    private final ModelRepository models;
    private final SecretBox secrets;
    private final SshExecutor ssh;
    private final ObjectMapper json;
    private final DeviceAlerts alerts;
    private final Event<DeviceDeleted> deleted;

    public DeviceService(DeviceRepository devices, ModelRepository models, SecretBox secrets, SshExecutor ssh,
            ObjectMapper json, DeviceAlerts alerts, Event<DeviceDeleted> deleted) {
        this.devices = devices;
        this.models = models;
        this.secrets = secrets;
        this.ssh = ssh;
        this.json = json;
        this.alerts = alerts;
        this.deleted = deleted;
    }

    /**
     * The devices the caller may see, by the same rule as every other check ({@link #canSee}); within this
     * transaction the rule's look-ups find the devices already loaded.
     */
    @Transactional
    public List<DeviceView> list(Caller caller) {
        return devices.all().stream().filter(device -> canSee(caller, device)).map(this::view).toList();
    }

    @Transactional
    public DeviceView get(Caller caller, String id) {
        Device device = require(id);
        requireVisible(caller, device);
        return view(device);
    }

    /** For callers that already passed the allow-list check. */
    @Transactional
    public Device require(String id) {
        return devices.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Device not found: " + id));
    }

    @Transactional
    public DeviceView create(Caller caller, DeviceInput input) {
        if (input.name() == null || input.model() == null) {
            throw ApiException.badRequest("name and model are required");
        }
        if (input.id() != null && devices.findByIdOptional(input.id()).isPresent()) {
            throw ApiException.conflict("Device already exists: " + input.id());
        }
        Device device = new Device();
        device.id = input.id() != null ? input.id() : Ids.next();
        device.owner =
                caller.privileged() && input.owner() != null ? input.owner() : caller.service() ? null : caller.id();
        device.mode = "off";
        device.status = "unknown";
        device.created = Instant.now();
        apply(device, input);
        UniqueInsert.run(() -> devices.persistAndFlush(device), "Device already exists: " + device.id);
        return view(device);
    }

    @Transactional
    public DeviceView update(Caller caller, String id, DeviceInput input) {
        Device device = require(id);
        requireOwner(caller, device);
        if (input.owner() != null) {
            device.owner = input.owner(); // the owner (or an admin) hands the device over
        }
        apply(device, input);
        return view(device);
    }

    @Transactional
    public void delete(Caller caller, String id) {
        Device device = require(id);
        requireOwner(caller, device);
        devices.delete(device);
        ssh.evict(id);
        deleted.fire(new DeviceDeleted(id));
    }

    @Transactional
    public DeviceView setAllow(Caller caller, String id, Set<String> allow) {
        Device device = require(id);
        requireOwner(caller, device);
        device.allow.clear();
        device.allow.addAll(allow);
        device.updated = Instant.now();
        return view(device);
    }

    @Transactional
    public DeviceView setSlot(String id, String slot) {
        Device device = require(id);
        if (Device.SECONDARY.equals(slot) && !device.hasSecondSlot()) {
            throw ApiException.badRequest("Device " + id + " has no secondary slot configured");
        }
        device.activeSlot = slot;
        device.updated = Instant.now();
        return view(device);
    }

    /** The device after a status change, and the status it had before. */
    public record StatusUpdate(DeviceView device, String previous) {
    }

    @Transactional
    public StatusUpdate setStatus(String id, String status) {
        Device device = require(id);
        String previous = device.status;
        device.status = status;
        device.updated = Instant.now();
        return new StatusUpdate(view(device), previous);
    }

    @Transactional
    public void setMode(String id, String mode) {
        Device device = require(id);
        device.mode = mode;
        device.updated = Instant.now();
    }

    /** Forgets the pinned SSH host keys, after a device was legitimately re-installed. */
    @Transactional
    public void forgetHostKeys(String id) {
        require(id).hostKeys = null;
        ssh.evict(id);
        alerts.hostKeysForgotten(id);
    }

    /**
     * auth-lib's {@link DeviceAccess} rule, the one runs, terminals and pings use over {@link DatabaseDeviceAllowList},
     * applied to the device already loaded (a listing asks no query per device).
     */
    public boolean canSee(Caller caller, Device device) {
        return DeviceAccess.allows(caller, device.allowedUsers());
    }

    private void requireVisible(Caller caller, Device device) {
        if (!canSee(caller, device)) {
            throw ApiException.forbidden(ErrorBody.DEVICE_ACCESS_DENIED);
        }
    }

    public void requireOwner(Caller caller, Device device) {
        if (!(caller.privileged() || Objects.equals(device.owner, caller.id()))) {
            throw ApiException.forbidden(canSee(caller, device) ? "Only the device's owner or an admin can change it"
                    : ErrorBody.DEVICE_ACCESS_DENIED);
        }
    }

    private void apply(Device device, DeviceInput input) {
        if (input.name() != null) {
            device.name = input.name();
        }
        if (input.model() != null) {
            device.modelId = models.require(input.model()).id;
        }
        if (input.allow() != null) {
            device.allow = new HashSet<>(input.allow());
        }
        if (input.mode() != null) {
            device.mode = input.mode();
        }
        if (input.status() != null) {
            device.status = input.status();
        }
        if (input.configuration() != null) {
            if (!input.configuration().isObject() && !input.configuration().isNull()) {
                throw ApiException.badRequest("configuration: must be a JSON object");
            }
            MediaMtxPathFields.require(input.configuration()); // forwarded to MediaMTX by switcher-client
            String configuration = input.configuration().isNull() ? null : input.configuration().toString();
            if (configuration != null && configuration.length() > MAX_CONFIGURATION) {
                throw ApiException.badRequest("configuration: at most " + MAX_CONFIGURATION + " characters of JSON");
            }
            device.configuration = configuration;
        }
        if (input.information() != null) {
            applyInformation(device, input.information());
        }
        if (Device.SECONDARY.equals(device.activeSlot) && !device.hasSecondSlot()) {
            throw ApiException.badRequest("information.activeSlot: secondary needs information.secondSlotHost");
        }
        device.updated = Instant.now();
    }

    private void applyInformation(Device device, DeviceInput.Information info) {
        boolean connectionChanged = false;
        if (info.host() != null) {
            connectionChanged |= !info.host().equals(device.host);
            device.host = info.host();
        }
        if (info.port() != null) {
            connectionChanged |= !info.port().equals(device.port);
            device.port = info.port();
        }
        if (info.user() != null) {
            connectionChanged |= !info.user().equals(device.user);
            device.user = info.user();
        }
        if (info.phone() != null) {
            device.phone = info.phone();
        }
        if (info.secondSlotHost() != null) {
            device.secondSlotHost = info.secondSlotHost().isBlank() ? null : info.secondSlotHost();
        }
        if (info.secondSlotPhone() != null) {
            device.secondSlotPhone = info.secondSlotPhone().isBlank() ? null : info.secondSlotPhone();
        }
        if (info.activeSlot() != null) {
            device.activeSlot = info.activeSlot();
        }
        if (info.autoSlotSwitch() != null) {
            device.autoSlotSwitch = info.autoSlotSwitch();
        }
        if (info.password() != null) {
            device.passwordSealed = info.password().isEmpty() ? null : secrets.encrypt(info.password());
            connectionChanged = true;
        }
        if (info.key() != null) {
            device.privateKeySealed = info.key().isBlank() ? null : secrets.encrypt(info.key());
            connectionChanged = true;
        }
        if (connectionChanged && device.id != null) {
            ssh.evict(device.id);
        }
    }

    public DeviceView view(Device device) {
        return new DeviceView(device.id, device.name, device.modelId, device.owner,
                device.allow.stream().sorted().toList(), device.mode, device.status, parse(device.configuration),
                new DeviceView.InformationView(device.host, device.port, device.user, device.phone,
                        device.secondSlotHost,
                        device.secondSlotPhone, device.activeSlot, device.autoSlotSwitch, device.passwordSealed != null,
                        device.privateKeySealed != null),
                device.created, device.updated, parse(device.automation));
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored configuration or automation is not JSON", e);
        }
    }
}
