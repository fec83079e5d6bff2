package io.joystick.notification.store.repository;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public String id;

    public String type;

    public String title;

    public String message;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "device_id")
    public String deviceId;

    public boolean dismissible;

    /** JSON object text, or null. */
    public String metadata;

    /** The principal that sent it (user id or service:name), for the record. */
    public String sender;

    /** Epoch milliseconds. */
    @Column(name = "created_at")
    public long createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notification_recipients", joinColumns = @JoinColumn(name = "notification_seq"))
    @Column(name = "user_id")
    public Set<String> recipients = new HashSet<>();
}
