package io.joystick.device.terminal.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.common.ClientAddress;
import io.joystick.auth.device.DeviceAccess;
import io.joystick.auth.error.ApiException;
import io.joystick.auth.permission.Caller;
import io.joystick.device.terminal.service.TerminalSessions;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Refuses the upgrade of {@code /api/terminal/{device}} before a WebSocket exists: 401 without a valid
 * credential, 403 without {@code terminal-route} or off the device's allow-list, 404 for an unknown device.
 */
@ApplicationScoped
public class TerminalUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> CLIENT_ADDRESS = UserData.TypedKey.forString("client-address");

    private final DeviceAccess access;

    public TerminalUpgradeCheck(DeviceAccess access) {
        this.access = access;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return TerminalSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String deviceId = context.pathParam("device");
        String address = ClientAddress.of(context.httpRequest());
        return context.securityIdentity().emitOn(Infrastructure.getDefaultWorkerPool()).map(identity -> {
            Caller caller = Caller.of(identity);
            if (caller == null) {
                return CheckResult.rejectUpgradeSync(401);
            }
            if (!caller.has(TerminalSessions.PERMISSION)) {
                return CheckResult.rejectUpgradeSync(403);
            }
            try {
                access.check(identity, deviceId);
            } catch (ApiException e) {
                return CheckResult.rejectUpgradeSync(e.status());
            }
            context.userData().put(CLIENT_ADDRESS, address);
            return CheckResult.permitUpgradeSync();
        });
    }
}
