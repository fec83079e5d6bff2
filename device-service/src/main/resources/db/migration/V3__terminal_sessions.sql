-- One row per web terminal session: who, on which device and slot host, from where, how long, why it ended,
-- and how many bytes went each way. Written when the session opens, completed when it ends.
CREATE TABLE terminal_sessions (
    id             VARCHAR(64)  PRIMARY KEY,
    user_id        VARCHAR(64)  NOT NULL,
    user_name      VARCHAR(255),
    device_id      VARCHAR(64)  NOT NULL,
    host           VARCHAR(255) NOT NULL,
    port           INTEGER      NOT NULL,
    client_address VARCHAR(64),
    started        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended          TIMESTAMP WITH TIME ZONE,
    end_reason     VARCHAR(200),
    bytes_in       BIGINT       NOT NULL,
    bytes_out      BIGINT       NOT NULL
);
CREATE INDEX terminal_sessions_device ON terminal_sessions (device_id, started);
CREATE INDEX terminal_sessions_user ON terminal_sessions (user_id, started);
