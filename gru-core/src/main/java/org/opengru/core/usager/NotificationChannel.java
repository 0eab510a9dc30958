package org.opengru.core.usager;

/** How an usager wants to be told of news about their requests. */
public enum NotificationChannel {
    /** By e-mail (needs an address and consent to electronic notifications). */
    EMAIL,
    /** By SMS (needs a phone number and consent to electronic notifications). */
    SMS,
    /** In their private space on the portal only. */
    PORTAL,
    /** By post (needs a postal address). */
    POSTAL_MAIL
}
