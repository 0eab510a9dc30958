package org.opengru.core.contact;

/** Who reached out. */
public enum Direction {
    /** The usager contacted the collectivité. */
    INBOUND,
    /** An agent contacted the usager. */
    OUTBOUND
}
