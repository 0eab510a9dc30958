package org.opengru.core.intake;

/** How a request, message or contact reached the collectivité (canal). */
public enum Channel {
    WEB,
    EMAIL,
    PHONE,
    /** At a counter (guichet) of the town hall. */
    COUNTER,
    POSTAL_MAIL,
    MOBILE_APP,
    SOCIAL_NETWORK,
    /** Made by the system itself (implicit decisions, imports). */
    SYSTEM
}
