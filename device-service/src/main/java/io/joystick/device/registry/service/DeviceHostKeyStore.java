package io.joystick.device.registry.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.joystick.device.execution.service.HostKeyStore;
import io.joystick.device.execution.service.SshTarget;
import io.joystick.device.registry.repository.DeviceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Host keys pinned per device and per {@code host:port}, since the primary and the secondary slot are
 * different machines with different keys.
 */
@ApplicationScoped
public class DeviceHostKeyStore implements HostKeyStore {

    private final DeviceRepository devices;
    private final ObjectMapper json;

    public DeviceHostKeyStore(DeviceRepository devices, ObjectMapper json) {
        this.devices = devices;
        this.json = json;
    }

    @Override
    public Optional<String> pinned(SshTarget target) {
        return QuarkusTransaction.requiringNew().call(() -> devices.findByIdOptional(target.deviceId())
                .map(device -> read(device.hostKeys).path(address(target)))
                .filter(node -> node.isTextual())
                .map(node -> node.asText()));
    }

    /** The device's row is locked meanwhile, so two first connections (say, to both slots) cannot lose a pin. */
    @Override
    public String pin(SshTarget target, String publicKeyOpenSshLine) {
        return QuarkusTransaction.requiringNew().call(() -> devices.findByIdOptional(target.deviceId(),
                LockModeType.PESSIMISTIC_WRITE).map(device -> {
                    ObjectNode keys = read(device.hostKeys);
                    if (keys.path(address(target)).isTextual()) {
                        return keys.path(address(target)).asText();
                    }
                    keys.put(address(target), publicKeyOpenSshLine);
                    device.hostKeys = keys.toString();
                    return publicKeyOpenSshLine;
                }).orElse(publicKeyOpenSshLine));
    }

    private static String address(SshTarget target) {
        return target.host() + ":" + target.port();
    }

    private ObjectNode read(String text) {
        try {
            return text == null ? json.createObjectNode() : (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Stored host keys are not a JSON object", e);
        }
    }
}
