package io.joystick.telemetry.modem.at;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.joystick.telemetry.serial.service.PtyPair;
import io.joystick.telemetry.serial.service.SerialLink;

/** A {@link FakeModem} on a fresh pseudo-terminal, and the service's AT channel to it, connected. */
final class ModemOnPty implements AutoCloseable {

    final PtyPair pair;
    final FakeModem modem;
    final SerialLink link;
    final AtChannel channel;

    ModemOnPty(Path dir) {
        pair = PtyPair.started(dir, "ttyModem");
        modem = new FakeModem(pair).start();
        link = new SerialLink(pair.device().toString(), 115200, Duration.ofMillis(100));
        channel = new AtChannel(link);
        link.start();
        await().atMost(Duration.ofSeconds(10)).until(channel::connected);
    }

    @Override
    public void close() {
        link.close();
        modem.close();
        pair.close();
    }
}
