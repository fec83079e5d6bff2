package io.joystick.telemetry.imu.service;

import io.joystick.telemetry.imu.witmotion.WitMotionDecoder;
import io.joystick.telemetry.reading.Sensor;
import io.joystick.telemetry.reading.service.ReadingStore;
import io.joystick.telemetry.serial.service.SerialLink;

/** A WitMotion IMU on a serial port. */
public final class WitMotionImuSource implements SerialLink.Listener {

    private final ReadingStore store;
    private final WitMotionDecoder decoder = new WitMotionDecoder();

    public WitMotionImuSource(ReadingStore store) {
        this.store = store;
    }

    @Override
    public void onBytes(byte[] data, int count) {
        decoder.feed(data, count, reading -> store.publish(Sensor.IMU, reading));
    }
}
