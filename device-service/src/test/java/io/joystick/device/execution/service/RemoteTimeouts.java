package io.joystick.device.execution.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The timeout check shared by the MINA and OpenSSH tests (both servers run on this machine). */
final class RemoteTimeouts {

    /**
     * Runs {@code sleep 30} with a 1 s limit: the run must fail with the command timeout (left alone, the sleep
     * would end with exit code 0), and the sleep, seen running first, must be gone afterwards.
     */
    static void assertTimeoutKillsRemoteSleep(SshExecutor executor, SshTarget target) throws Exception {
        // The session is up before the clock starts: this checks the command timeout, not the login.
        executor.run(target, "true", Duration.ofSeconds(30), 1024);
        String sleep = Processes.uniqueSleep(30);

        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(
                () -> executor.run(target, sleep, Duration.ofSeconds(1), 1024));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Processes.matching(sleep).isEmpty());

        // a hang guard only: the sleep ends on its own long before it
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> run.get(2, TimeUnit.MINUTES));
        CommandTimeoutException timeout = assertInstanceOf(CommandTimeoutException.class, failure.getCause());
        assertTrue(timeout.getMessage().contains("timed out after 1000 ms"), timeout.getMessage());
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.matching(sleep).isEmpty());
    }

    private RemoteTimeouts() {
    }
}
