package io.joystick.telemetry.reading;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A reading's number is written with this many decimals, as many as its sensor resolves, so that a speed of
 * {@code 0.037040000000000003} km/h goes out as {@code 0.04}: smaller messages to the fleet broker and the same
 * value for every reader. Only the JSON is rounded (REST, SSE and MQTT alike); the readings keep full precision.
 * The choice per field is listed in telemetry-service's README.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = Decimals.Rounded.class)
public @interface Decimals {

    int value();

    final class Rounded extends StdSerializer<Double> implements ContextualSerializer {
        private final int decimals;

        public Rounded() {
            this(-1);
        }

        private Rounded(int decimals) {
            super(Double.class);
            this.decimals = decimals;
        }

        /** Rounds to the nearest (halves upwards, as Math.round); leaves values it cannot scale (huge, NaN, infinite) as they are. */
        public static double round(double value, int decimals) {
            double scale = Math.pow(10, decimals);
            if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value * scale) >= 1e15) {
                return value;
            }
            // The rounded integer divided by the power of ten is the double nearest that decimal, which Jackson writes
            // in its short form.
            return Math.round(value * scale) / scale;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
            Decimals annotation = property == null ? null : property.getAnnotation(Decimals.class);
            return annotation == null ? this : new Rounded(annotation.value());
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(decimals < 0 ? value : round(value, decimals));
        }
    }
}
