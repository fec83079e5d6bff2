package io.joystick.switcher.health.service;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import io.joystick.device.client.Device;

/**
 * The switcher's memory of one device: both slots' health, the active slot, the last switch. Kept in
 * memory only; after a restart it is rebuilt from new checks. Callers hold {@link #lock()} while they
 * check or switch, so a scheduled check and a manual switch of the same device never interleave.
 */
public final class DeviceHealth {

    private final String deviceId;
    private final ReentrantLock lock = new ReentrantLock();
    private final SlotHealth primary = new SlotHealth();
    private final SlotHealth secondary = new SlotHealth();
    private String activeSlot = Device.PRIMARY;
    private String primaryHost;
    private String secondaryHost;
    private Instant lastCheck;
    private Instant lastSwitch;
    private String lastSwitchReason;
    private Decision lastDecision;
    private Instant lastDecisionAt;

    public DeviceHealth(String deviceId) {
        this.deviceId = deviceId;
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** Takes device-service's view of the device; an active slot changed elsewhere is adopted. */
    public void sync(Device device) {
        activeSlot = device.activeSlot();
        primaryHost = device.hostOf(Device.PRIMARY);
        secondaryHost = device.hostOf(Device.SECONDARY);
    }

    public void record(String slot, SlotCheckResult result, Instant now) {
        slot(slot).record(result, now);
        lastCheck = now;
    }

    public void switched(String to, String reason, Instant now) {
        activeSlot = to;
        lastSwitch = now;
        lastSwitchReason = reason;
    }

    public void decided(Decision decision, Instant now) {
        lastDecision = decision;
        lastDecisionAt = now;
    }

    /** The last automatic check's conclusion; null before the first. */
    public Decision lastDecision() {
        return lastDecision;
    }

    public Instant lastDecisionAt() {
        return lastDecisionAt;
    }

    public SlotHealth slot(String slot) {
        return Device.SECONDARY.equals(slot) ? secondary : primary;
    }

    public String deviceId() {
        return deviceId;
    }

    public String activeSlot() {
        return activeSlot;
    }

    public Instant lastCheck() {
        return lastCheck;
    }

    public Instant lastSwitch() {
        return lastSwitch;
    }

    public String lastSwitchReason() {
        return lastSwitchReason;
    }

    public String hostOf(String slot) {
        return Device.SECONDARY.equals(slot) ? secondaryHost : primaryHost;
    }
}
