package io.joystick.device.run.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "joystick.run")
public interface RunConfig {

    /** When neither the request ({@code ?timeout=}) nor the run definition sets one. */
    @WithDefault("30s")
    Duration defaultTimeout();

    /** The most a request may ask for. */
    @WithDefault("10m")
    Duration maxTimeout();

    /** Output beyond this is dropped and the result flagged {@code truncated}. */
    @WithDefault("1048576")
    long outputLimitBytes();

    /**
     * Whether run definitions may use {@code target=local} (a command on this service's host);
     * {@code JOYSTICK_LOCAL_RUNS=false} switches them off, as production should.
     */
    @WithDefault("true")
    boolean localEnabled();
}
