package org.opengru.core.rgpd;

/** Where a closed request stands in its retention. */
public enum RetentionPhase {
    /** Base active: agents work with it as usual. */
    ACTIVE,
    /** Archivage intermédiaire: kept for legal reasons (appeals, controls), out of daily use. */
    INTERMEDIATE_ARCHIVE,
    /** Retention over: to purge or anonymise. */
    EXPIRED
}
