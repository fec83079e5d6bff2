package io.joystick.auth.error;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;

/**
 * Failures the client causes and anyone can repeat at will: a connection closed or reset in the middle of a
 * request (an aborted upload), a body that cannot be decoded (a bad chunk size), a request line or header
 * over the limit. They are logged at DEBUG on one line; ERROR with a stack trace is for the server's own faults,
 * so that nobody can flood the logs from outside.
 */
public final class ClientFaults {

    private static final int MAX_CAUSES = 10;
    /** RESTEasy Reactive's stream over the request body (and its inner classes). */
    private static final String BODY_STREAM = "org.jboss.resteasy.reactive.server.vertx.VertxInputStream";

    private ClientFaults() {
    }

    public static boolean isClientCaused(Throwable failure) {
        if (DatabaseFaults.fromDatabase(failure)) {
            return false; // the connection that broke was the database's, not the client's
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException || cause instanceof SocketException
                    || cause instanceof EOFException || cause instanceof HttpClosedException
                    || cause instanceof DecoderException || cause instanceof PrematureChannelClosureException
                    // Netty's native transport: "Connection reset by peer"
                    || cause.getClass().getName().endsWith(".NativeIoException")
                    || cause instanceof VertxException && "Connection was closed".equals(cause.getMessage())
                    // Netty's HTTP decoder on a bad chunk size
                    || cause instanceof NumberFormatException
                            && String.valueOf(cause.getMessage()).contains("chunk size")
                    || readingTheRequestBody(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Whatever fails while the request body is read from the connection is the client's doing. */
    private static boolean readingTheRequestBody(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure instanceof IOException && trace.length > 0 && trace[0].getClassName().startsWith(BODY_STREAM);
    }

    /** One line for the debug log: what happened, never the request's content. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_CAUSES; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
