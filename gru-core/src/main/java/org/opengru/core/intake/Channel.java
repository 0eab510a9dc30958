package org.opengru.core.intake;

/** How a request, message or contact reached the collectivité (canal). */
public enum Channel {
    /** Online, through the portal or a démarche's web form. */
    WEB,
    /** By e-mail. */
    EMAIL,
    /** By phone, usually keyed in by an agent. */
    PHONE,
    /** At a counter (guichet) of the town hall. */
    COUNTER,
    /** By post (courrier), keyed in by an agent. */
    POSTAL_MAIL,
    /** Through the collectivité's mobile application. */
    MOBILE_APP,
    /** Through a social network message. */
    SOCIAL_NETWORK,
    /** Made by the system itself (implicit decisions, imports). */
    SYSTEM
}
