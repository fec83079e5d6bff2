package io.joystick.device.execution.service;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs {@code target=local} commands with {@code /bin/sh -c} on this machine. */
@ApplicationScoped
public class LocalExecutor {

    private static final File DEV_NULL = new File("/dev/null");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(secret|passw|token|api_?keys?$|private_?key|credential)");

    private final ExecutorService outputReaders = Executors.newCachedThreadPool(daemonThreads());

    /**
     * Runs the command, stdout and stderr merged, stdin empty.
     *
     * @throws CommandTimeoutException when it has not finished (and closed its output) within the
     *                                 timeout; the whole process tree has been killed by then
     */
    public CommandResult run(String command, Duration timeout, long outputLimit) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Process process = start(command);
        CappedOutput output = new CappedOutput(outputLimit);
        Future<?> reader = outputReaders.submit(() -> drain(process.getInputStream(), output));
        try {
            boolean exited = process.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            if (exited) {
                // A background child may still hold the output pipe open; it gets the same deadline.
                reader.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
                return new CommandResult(process.exitValue(), output.text(), output.truncated(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        } catch (TimeoutException e) {
            // fall through to the kill below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            throw new ExecutionException("Interrupted while waiting for the local command");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Reading the local command's output failed", e.getCause());
        }
        killTree(process);
        reader.cancel(true);
        throw new CommandTimeoutException("Local command timed out after " + timeout.toMillis() + " ms");
    }

    private static Process start(String command) {
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
            withoutSecrets(builder.environment());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start /bin/sh", e);
        }
    }

    /**
     * The service's own secrets (JOYSTICK_SECRET_KEY, datasource password, API keys) are inherited by
     * child processes, and a command's output goes back to the caller: they are not passed on.
     */
    static void withoutSecrets(Map<String, String> environment) {
        environment.keySet().removeIf(name -> SECRET_NAME.matcher(name).find());
    }

    private static void drain(InputStream in, CappedOutput output) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                output.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The stream is closed under us when the process tree is killed; what was read is kept.
        }
    }

    /**
     * Descendants are listed before anything is killed: once the shell dies its children are
     * re-parented and no longer reachable from it.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.getInputStream().close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-exec-output-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void shutdown() {
        outputReaders.shutdownNow();
    }
}
