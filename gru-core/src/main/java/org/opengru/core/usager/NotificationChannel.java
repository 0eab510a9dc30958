package org.opengru.core.usager;

/** How an usager wants to be told of news about their requests. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    /** In their private space on the portal only. */
    PORTAL,
    POSTAL_MAIL
}
