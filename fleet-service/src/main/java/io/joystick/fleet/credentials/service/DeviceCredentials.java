package io.joystick.fleet.credentials.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.fleet.broker.service.BrokerAccounts;
import io.joystick.fleet.broker.service.ConfiguredBroker;
import io.joystick.fleet.broker.service.PasswordHash;
import io.joystick.fleet.credentials.IssuedCredentials;
import io.joystick.fleet.credentials.repository.DeviceCredential;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Creates, rotates and revokes devices' broker accounts, and remembers which devices have one. */
@ApplicationScoped
public class DeviceCredentials {

    private final BrokerAccounts accounts;
    private final ConfiguredBroker broker;

    public DeviceCredentials(BrokerAccounts accounts, ConfiguredBroker broker) {
        this.accounts = accounts;
        this.broker = broker;
    }

    public static String username(String deviceId) {
        return "device-" + deviceId;
    }

    public IssuedCredentials issue(String deviceId) {
        String username = username(deviceId);
        String password = ConfiguredBroker.randomSecret();
        String hash = broker.embedded() ? PasswordHash.of(password) : null;
        QuarkusTransaction.requiringNew().run(() -> {
            DeviceCredential row = DeviceCredential.findById(deviceId);
            boolean fresh = row == null;
            if (fresh) {
                row = new DeviceCredential();
                row.deviceId = deviceId;
            }
            row.username = username;
            row.passwordHash = hash;
            row.createdAt = Instant.now();
            if (fresh) {
                row.persist();
            }
        });
        accounts.createOrRotate(deviceId, username, password);
        String url = broker.deviceUrl();
        String env = "TELEMETRY_PUBLISH_URL=" + url + "\nTELEMETRY_PUBLISH_DEVICE_ID=" + deviceId
                + "\nTELEMETRY_PUBLISH_USERNAME=" + username + "\nTELEMETRY_PUBLISH_PASSWORD=" + password + "\n";
        return new IssuedCredentials(deviceId, username, password, url, env);
    }

    public void revoke(String deviceId) {
        accounts.revoke(deviceId, username(deviceId));
        QuarkusTransaction.requiringNew().run(() -> DeviceCredential.deleteById(deviceId));
    }

    public List<String> devicesWithAccounts() {
        return QuarkusTransaction.requiringNew().call(
                () -> DeviceCredential.<DeviceCredential>listAll().stream().map(row -> row.deviceId).toList());
    }
}
