package org.opengru.core.notification;

/** Where a notification stands, over all its channels. */
public enum NotificationStatus {
    /** Waiting for its (next) attempt. */
    QUEUED,
    /** Handed to a channel that reports no delivery (SMTP accepted it, the SMS gateway took it). */
    SENT,
    /** Known to have reached the usager (in-app inbox, SMS delivery receipt). */
    DELIVERED,
    /** Every channel of the chain failed. */
    FAILED,
    /** Deliberately not sent: a reminder for an appointment cancelled or moved meanwhile. */
    SUPPRESSED;

    /**
     * Whether nothing more will be attempted.
     *
     * @return {@code true} unless queued
     */
    public boolean finished() {
        return this != QUEUED;
    }
}
