package io.joystick.telemetry.battery.service;

/**
 * Charge drawn since the service started, in mAh: the discharge current integrated over time (trapezoids
 * between samples). Charging and unknown current add nothing.
 */
public final class ConsumptionMeter {

    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    private double milliampHours;
    private double lastCurrent = Double.NaN;
    private long lastNanos;

    /** Adds a sample of the discharge current (mA, ≥ 0; null = unknown) taken at {@code nanos} (System.nanoTime). */
    public synchronized double add(Double dischargeMilliamps, long nanos) {
        if (dischargeMilliamps == null || dischargeMilliamps.isNaN()) {
            lastCurrent = Double.NaN;
            return milliampHours;
        }
        double current = Math.max(0, dischargeMilliamps);
        if (!Double.isNaN(lastCurrent) && nanos > lastNanos) {
            milliampHours += (lastCurrent + current) / 2 * ((nanos - lastNanos) / NANOS_PER_HOUR);
        }
        lastCurrent = current;
        lastNanos = nanos;
        return milliampHours;
    }

    public synchronized double total() {
        return milliampHours;
    }
}
