package io.joystick.device.automation.config;

import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** Quartz's JDBC store borrows connections from device-service's own datasource (Quartz instantiates this). */
public class DatasourceConnections implements org.quartz.utils.ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
        return Arc.container().instance(AgroalDataSource.class).get().getConnection();
    }

    @Override
    public void shutdown() {
        // the datasource is Quarkus's
    }

    @Override
    public void initialize() {
        // nothing to open
    }
}
