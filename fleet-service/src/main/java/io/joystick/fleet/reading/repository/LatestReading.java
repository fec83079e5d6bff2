package io.joystick.fleet.reading.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "latest_reading")
@IdClass(LatestReading.Key.class)
public class LatestReading extends PanacheEntityBase {

    @Id
    @Column(name = "device_id")
    public String deviceId;

    @Id
    public String sensor;

    @Column(name = "ts")
    public Instant timestamp;

    public String payload;

    public static class Key implements Serializable {
        public String deviceId;
        public String sensor;

        public Key() {
        }

        public Key(String deviceId, String sensor) {
            this.deviceId = deviceId;
            this.sensor = sensor;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(deviceId, key.deviceId)
                    && Objects.equals(sensor, key.sensor);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, sensor);
        }
    }
}
