package io.joystick.fleet.ingest.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.fleet.config.FleetConfig;

/** A token bucket per device: a device that floods loses its own excess messages, nobody else's. */
@ApplicationScoped
public class DeviceRateLimit {

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public DeviceRateLimit(FleetConfig config) {
        this.ratePerNano = config.deviceRate() / 1e9;
        this.burst = config.deviceBurst();
    }

    public boolean tryTake(String deviceId) {
        return buckets.computeIfAbsent(deviceId, id -> new Bucket()).tryTake(System.nanoTime());
    }

    private final class Bucket {
        private double tokens = burst;
        private long last = System.nanoTime();

        synchronized boolean tryTake(long now) {
            tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
