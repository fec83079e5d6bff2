package io.joystick.fleet.credentials.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.joystick.device.client.DeviceServiceClient;
import io.quarkus.scheduler.Scheduled;

/** Revokes the broker account of a device that device-service no longer knows, within a minute of its deletion. */
@ApplicationScoped
public class DeletedDeviceSweep {

    private static final Logger LOG = Logger.getLogger(DeletedDeviceSweep.class);

    private final DeviceCredentials credentials;
    private final DeviceServiceClient devices;

    public DeletedDeviceSweep(DeviceCredentials credentials, DeviceServiceClient devices) {
        this.credentials = credentials;
        this.devices = devices;
    }

    @Scheduled(every = "${fleet.deleted-device-sweep:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (String deviceId : credentials.devicesWithAccounts()) {
            try {
                if (devices.owner(deviceId).isEmpty()) {
                    credentials.revoke(deviceId);
                    LOG.infof("Revoked the broker account of deleted device %s", deviceId);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Cannot check device %s now: %s", deviceId, e.getClass().getSimpleName());
                return;
            }
        }
    }
}
