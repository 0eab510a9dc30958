package org.opengru.scheduling.hold;

/** Who may make a move of a lifecycle table. */
public enum Role {
    /** The usager the item is for, or whoever acts for them (household, mandate). */
    USAGER,
    /** An agent of one of the teams that handle the resource or event. */
    AGENT,
    /** The collectivité's own jobs: the hold reaper, the payment notification. */
    SYSTEM
}
