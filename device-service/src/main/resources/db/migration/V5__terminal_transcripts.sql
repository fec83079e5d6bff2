-- Transcript recording of the web terminal, switched on per device model (off by default). A transcript is
-- the output the device sent (never the keystrokes), up to joystick.terminal.transcript-max-bytes per session,
-- stored as ordered chunks; terminal_sessions says whether a session was recorded, how many bytes of output
-- the transcript holds and whether the cap cut it short.
ALTER TABLE models ADD COLUMN record_terminal BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE terminal_sessions ADD COLUMN recorded BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE terminal_sessions ADD COLUMN transcript_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE terminal_sessions ADD COLUMN transcript_truncated BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE terminal_transcript_chunks (
    session_id VARCHAR(64) NOT NULL REFERENCES terminal_sessions (id) ON DELETE CASCADE,
    seq        INTEGER     NOT NULL,
    data       BYTEA       NOT NULL,
    PRIMARY KEY (session_id, seq)
);
