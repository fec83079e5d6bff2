package io.joystick.fleet.broker.service;

/** The broker fleet-service consumes from: its address and the admin account fleet-service uses on it. */
public interface Broker {

    BrokerAddress address();

    String adminUser();

    String adminPassword();

    /** Whether it splits a {@code $share/…} subscription among instances (the embedded broker serves one instance). */
    boolean sharedSubscriptions();
}
