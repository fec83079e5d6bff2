package io.joystick.auth.server.bootstrap.service;

import java.util.Map;

import io.joystick.auth.server.OwnDatabase;

/** A fresh database in which an ordinary user already has JOYSTICK_ADMIN_EMAIL and nobody is admin. */
public class AdminEmailTaken extends OwnDatabase {

    static final String EXISTING_ID = "existing0000001";
    static final String EXISTING_PASSWORD = "existing-user-password";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = super.getConfigOverrides();
        config.put("quarkus.flyway.locations", "db/migration,db/admin-email-taken");
        return config;
    }

    /** The same, without JOYSTICK_ADMIN_PASSWORD. */
    public static class WithoutAdminPassword extends AdminEmailTaken {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = super.getConfigOverrides();
            config.put("joystick.admin-password", "");
            return config;
        }
    }
}
