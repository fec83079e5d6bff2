package io.joystick.auth.testapp.device.client;

import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** A device-service client that fails in each way a dependency can, for {@code DependencyErrorsTest}. */
@ApplicationScoped
public class FailingDeviceClient {

    @Timeout(value = 100, unit = ChronoUnit.MILLIS)
    public String neverAnswers() throws InterruptedException {
        new CountDownLatch(1).await();
        return "unreachable";
    }

    public String refused() {
        throw new ProcessingException(new ConnectException("Connection refused: http://secret-host:8000/?key=x"));
    }

    /** Opens after the first failure and stays open for the rest of the run. */
    @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1, delay = 1, delayUnit = ChronoUnit.HOURS)
    public String failing() {
        throw new ProcessingException(new ConnectException("Connection refused"));
    }
}
