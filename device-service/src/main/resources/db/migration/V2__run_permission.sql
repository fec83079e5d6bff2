-- The feature permission a caller of the run needs besides the device's allow-list (e.g. control-ptz); null: none.
ALTER TABLE runs ADD COLUMN permission VARCHAR(64);
