package io.joystick.device.execution.service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.BaseBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.jboss.logging.Logger;

import io.joystick.device.execution.config.SshConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs {@code target=device} commands over SSH with one started MINA client for the application and
 * a pooled session per device (see {@link SshSessionPool}).
 */
@ApplicationScoped
public class SshExecutor {

    private static final Logger LOG = Logger.getLogger(SshExecutor.class);

    static {
        MinaSecurity.useOwnProviderInstances();
    }

    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
            Map.entry("TERM", 15));

    /** How long a timed-out run may spend on killing the remote command before it reports the timeout. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final SshClient client;
    private final SshSessionPool pool;
    private final Duration connectTimeout;
    private final Duration authTimeout;
    private final Map<String, Set<RemoteShell>> shells = new ConcurrentHashMap<>();

    public SshExecutor(SshConfig config, HostKeyStore hostKeys) {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new PinningServerKeyVerifier(hostKeys));
        // Only the device's own credentials and address count, never ~/.ssh of the service account.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // MINA's own idle timeout would also cut long silent commands; the pool closes idle sessions instead.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        // Commands are a few small packets each way; Nagle plus delayed ACKs would add ~40 ms to each.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        // Keeps NAT mappings of cellular links alive and notices half-open connections.
        CoreModuleProperties.SOCKET_KEEPALIVE.set(client, true);
        // sntrup761 costs ~330 ms of pure-Java CPU per handshake on MINA's few I/O threads: when many sessions open
        // at once (a restart, a fleet-wide health run) logins then time out in bulk. mlkem768x25519 stays first
        // (post-quantum too), curve25519 for older devices (benchmarks/results/fleet-scale.md).
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                BaseBuilder.DEFAULT_KEX_PREFERENCE.stream().filter(kex -> !kex.getName().startsWith("sntrup")).toList(),
                ClientBuilder.DH2KEX));
        // Every pooled session keeps its read buffer for life; commands and terminals need far less than 32 KiB.
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(client, 8192);
        client.start();
        SshConnector connector = new SshConnector(client, config.connectTimeout(), config.authTimeout());
        pool = new SshSessionPool(connector::open, config.maxConcurrentPerDevice(), config.idleTimeout());
        connectTimeout = config.connectTimeout();
        authTimeout = config.authTimeout();
    }

    /**
     * Runs the command on the device, stdout and stderr merged, stdin empty.
     *
     * @throws CommandTimeoutException        the command, or the wait for one of the device's channels,
     *                                        outlasted the timeout; the remote command has been killed
     * @throws DeviceUnreachableException     no connection or handshake, or the connection dropped mid-run
     * @throws DeviceAuthenticationException  the device refused the credentials
     * @throws HostKeyMismatchException       the device's host key is not the pinned one
     */
    public CommandResult run(SshTarget target, String command, Duration timeout, long outputLimit) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        CappedOutput output = new CappedOutput(outputLimit);
        ProcessGroupHeader stdout = new ProcessGroupHeader(output);
        try (SshSessionPool.Lease lease = leaseOrEndShells(target, deadline)) {
            ChannelExec channel = openChannel(lease, target, command, stdout, output, deadline);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                kill(channel, stdout);
                throw new CommandTimeoutException("Command on device " + target.deviceId() + " timed out after "
                        + timeout.toMillis() + " ms");
            }
            return new CommandResult(exitCode(channel, target), output.text(), output.truncated(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /**
     * Opens an interactive login shell with a PTY ({@code xterm-256color}) on the pooled session, pinned host
     * key and all, as runs do. {@code onEnd} hears once how the shell ended.
     *
     * @throws DeviceUnreachableException    no connection, or the device refused the shell
     * @throws DeviceAuthenticationException the device refused the credentials
     * @throws HostKeyMismatchException      the device's host key is not the pinned one
     */
    public RemoteShell openShell(SshTarget target, int columns, int rows, Consumer<RemoteShell.Ending> onEnd) {
        long deadline = System.nanoTime() + connectTimeout.plus(authTimeout).toNanos();
        SshSessionPool.Lease lease = leaseShellOrEndShells(target, deadline);
        try {
            ChannelShell channel;
            try {
                channel = openShellChannel(lease.session(), columns, rows);
            } catch (IOException | IllegalStateException e) {
                if (!lease.reused()) {
                    throw unreachable(target, e);
                }
                reconnectOrEndShells(lease, target);
                try {
                    channel = openShellChannel(lease.session(), columns, rows);
                } catch (IOException | IllegalStateException again) {
                    throw unreachable(target, again);
                }
            }
            RemoteShell shell = new RemoteShell(target.deviceId(), channel, lease, onEnd);
            Set<RemoteShell> deviceShells =
                    shells.computeIfAbsent(target.deviceId(), id -> ConcurrentHashMap.newKeySet());
            deviceShells.add(shell);
            shell.watch(() -> deviceShells.remove(shell));
            return shell;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Closes the device's pooled sessions and shells, e.g. after its address, credentials or host key changed. */
    public void evict(String deviceId) {
        pool.evict(deviceId);
        endShells(deviceId, "The device's address, credentials or pinned host key changed");
    }

    private ChannelShell openShellChannel(ClientSession session, int columns, int rows) throws IOException {
        ChannelShell channel = session.createShellChannel();
        channel.setPtyType("xterm-256color");
        channel.setPtyColumns(columns);
        channel.setPtyLines(rows);
        channel.setRedirectErrorStream(true);
        channel.setStreaming(ClientChannel.Streaming.Async);
        OpenFuture opened = channel.open();
        if (!opened.await(connectTimeout.toNanos(), TimeUnit.NANOSECONDS) || !opened.isOpened()) {
            channel.close(true);
            Throwable cause = opened.getException();
            throw new IOException("shell could not be opened" + (cause == null ? "" : ": " + cause.getMessage()),
                    cause);
        }
        return channel;
    }

    private SshSessionPool.Lease leaseOrEndShells(SshTarget target, long deadline) {
        try {
            return pool.lease(target, deadline);
        } catch (HostKeyMismatchException e) {
            endShells(target.deviceId(), "The device's SSH host key changed");
            throw e;
        }
    }

    private SshSessionPool.Lease leaseShellOrEndShells(SshTarget target, long deadline) {
        try {
            return pool.leaseForShell(target, deadline);
        } catch (HostKeyMismatchException e) {
            endShells(target.deviceId(), "The device's SSH host key changed");
            throw e;
        }
    }

    /** A stale pooled session reconnects; meeting a changed host key then ends the device's terminals too. */
    private void reconnectOrEndShells(SshSessionPool.Lease lease, SshTarget target) {
        try {
            lease.reconnect();
        } catch (HostKeyMismatchException e) {
            endShells(target.deviceId(), "The device's SSH host key changed");
            throw e;
        }
    }

    private void endShells(String deviceId, String why) {
        Set<RemoteShell> open = shells.get(deviceId);
        if (open != null) {
            open.forEach(shell -> shell.end(new RemoteShell.Ending(RemoteShell.Kind.CONNECTION_CHANGED, why)));
        }
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeIdleSessions() {
        pool.evictIdle();
    }

    /** The device's pooled sessions; package-private for tests. */
    List<ClientSession> pooledSessions(String deviceId) {
        return pool.sessions(deviceId);
    }

    @PreDestroy
    public void close() {
        shells.keySet().forEach(id -> endShells(id, "device-service is shutting down"));
        pool.close();
        client.stop();
    }

    private ChannelExec openChannel(SshSessionPool.Lease lease, SshTarget target, String command,
            OutputStream stdout, OutputStream stderr, long deadline) {
        String wrapped = ProcessGroupHeader.wrap(command);
        try {
            return open(lease.session(), wrapped, stdout, stderr, deadline);
        } catch (IOException | IllegalStateException e) {
            if (!lease.reused()) {
                throw unreachable(target, e);
            }
            // The pooled session died since its last run (device rebooted, link dropped): one fresh try.
            LOG.debugf("Pooled SSH session to device %s is gone (%s); reconnecting", target.deviceId(), e.getMessage());
            reconnectOrEndShells(lease, target);
            try {
                return open(lease.session(), wrapped, stdout, stderr, deadline);
            } catch (IOException | IllegalStateException again) {
                throw unreachable(target, again);
            }
        }
    }

    private ChannelExec open(ClientSession session, String command, OutputStream stdout, OutputStream stderr,
            long deadline) throws IOException {
        ChannelExec channel = session.createExecChannel(command);
        channel.setOut(stdout);
        channel.setErr(stderr);
        OpenFuture opened = channel.open();
        long wait = Math.max(1, Math.min(connectTimeout.toNanos(), deadline - System.nanoTime()));
        if (!opened.await(wait, TimeUnit.NANOSECONDS) || !opened.isOpened()) {
            channel.close(true);
            Throwable cause = opened.getException();
            throw new IOException("channel could not be opened" + (cause == null ? "" : ": " + cause.getMessage()),
                    cause);
        }
        // Without an EOF on stdin, a command that reads input would wait until its timeout.
        channel.getInvertedIn().close();
        return channel;
    }

    /**
     * Makes sure a timed-out command is gone: asks the server to KILL it (RFC 4254 §6.9; OpenSSH
     * signals the whole process group, but refuses for root logins), closes the channel (on which
     * MINA's server destroys the command), and kills the remote process group from a second channel.
     */
    private void kill(ChannelExec channel, ProcessGroupHeader header) {
        try {
            Buffer request = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
            request.putUInt(channel.getRecipient());
            request.putString("signal");
            request.putBoolean(false);
            request.putString("KILL");
            channel.writePacket(request);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Could not send KILL to the timed-out command: %s", e.getMessage());
        }
        channel.close(false);
        header.processGroup().ifPresent(group -> killProcessGroup(channel.getClientSession(), group));
    }

    private void killProcessGroup(ClientSession session, long group) {
        // dash only understands the first form, some other shells only the second.
        String command = "kill -KILL -" + group + " 2>/dev/null || kill -s KILL -- -" + group + " 2>/dev/null";
        try (ChannelExec killer = session.createExecChannel(command)) {
            killer.setOut(OutputStream.nullOutputStream());
            killer.setErr(OutputStream.nullOutputStream());
            Duration wait = connectTimeout.compareTo(KILL_WAIT) < 0 ? connectTimeout : KILL_WAIT;
            if (killer.open().await(wait)) {
                killer.getInvertedIn().close();
                killer.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), wait);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Could not kill the timed-out command's process group: %s", e.getMessage());
        }
    }

    private static int exitCode(ChannelExec channel, SshTarget target) {
        Integer status = channel.getExitStatus();
        if (status != null) {
            return status;
        }
        String signal = channel.getExitSignal();
        if (signal != null) {
            return 128 + SIGNALS.getOrDefault(signal, 0);
        }
        throw new DeviceUnreachableException("Connection to device " + target.deviceId()
                + " was lost before the command reported its exit status");
    }

    private static DeviceUnreachableException unreachable(SshTarget target, Exception e) {
        return new DeviceUnreachableException("Device " + target.deviceId() + " at " + target.host() + ":"
                + target.port() + " did not open a command channel: " + e.getMessage(), e);
    }
}
