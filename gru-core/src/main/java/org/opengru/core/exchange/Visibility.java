package org.opengru.core.exchange;

/** Who can see a message. */
public enum Visibility {
    /** The applicant (and whoever may act for them) and the agents. */
    SHARED,
    /** Agents only: an internal note the applicant never sees, not even its existence. */
    INTERNAL_NOTE
}
