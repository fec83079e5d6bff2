-- A database without an admin, where JOYSTICK_ADMIN_EMAIL belongs to an ordinary user (password
-- "existing-user-password", bcrypt), as after the last admin demoted itself in an older version.
INSERT INTO users (id, email, email_normalized, name, password_hash, verified, admin, created, updated)
VALUES ('existing0000001', 'admin@joystick.test', 'admin@joystick.test', 'Existing User',
        '$2a$10$QXK4To.3sfLj1PQBh8oBCO7UYNoox2fXMBOeTP0p8QbYWw2SsmIWi', TRUE, FALSE,
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
