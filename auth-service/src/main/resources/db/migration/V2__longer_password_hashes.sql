-- Argon2id PHC strings are longer than bcrypt's 60 characters.
ALTER TABLE users ALTER COLUMN password_hash SET DATA TYPE VARCHAR(255);
