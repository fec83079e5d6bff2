package io.joystick.auth;

import org.eclipse.microprofile.config.ConfigProvider;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.HttpVersionContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class HttpVersionTest extends HttpVersionContract {

    @Override
    protected int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
