package io.joystick.notification;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;

import io.joystick.auth.testapp.HttpVersionContract;
import io.joystick.auth.testapp.JwksFileAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** notification-service's HTTP server (it also serves WebSockets) holds to the suite's HTTP version rule. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class HttpVersionTest extends HttpVersionContract {

    @Override
    protected int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
