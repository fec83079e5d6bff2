package io.joystick.device.terminal.service;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.joystick.device.terminal.repository.TerminalAuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores recorded transcripts in {@code terminal_transcript_chunks}, one chunk per flush, and reads them back
 * whole. A transcript's content goes only to the database, never to the log.
 */
@ApplicationScoped
public class TerminalTranscripts {

    private static final Logger LOG = Logger.getLogger(TerminalTranscripts.class);

    private final EntityManager entities;

    public TerminalTranscripts(EntityManager entities) {
        this.entities = entities;
    }

    /** Writes what the session recorded since the last flush; a failure is logged (without content) and retried never. */
    void flush(TerminalSession session) {
        TranscriptRecorder recorder = session.transcript();
        if (recorder == null) {
            return;
        }
        TranscriptRecorder.Chunk chunk = recorder.drain();
        if (chunk == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> entities
                    .createNativeQuery(
                            "INSERT INTO terminal_transcript_chunks (session_id, seq, data) VALUES (?1, ?2, ?3)")
                    .setParameter(1, session.id()).setParameter(2, chunk.seq()).setParameter(3, chunk.data())
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf("Could not store %d bytes of the transcript of terminal session %s: %s", chunk.data().length,
                    session.id(), e.toString());
        }
    }

    /** The whole transcript stored so far; empty when the session was not recorded or does not exist. */
    public Optional<byte[]> read(String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TerminalAuditEntry entry = entities.find(TerminalAuditEntry.class, sessionId);
            if (entry == null || !entry.recorded) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<byte[]> chunks = entities
                    .createNativeQuery("SELECT data FROM terminal_transcript_chunks WHERE session_id = ?1 ORDER BY seq")
                    .setParameter(1, sessionId).getResultList();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return Optional.of(all.toByteArray());
        });
    }
}
