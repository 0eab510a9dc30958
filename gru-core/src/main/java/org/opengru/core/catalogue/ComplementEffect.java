package org.opengru.core.catalogue;

/** What happens to the implicit-decision period once a requested complement arrives. */
public enum ComplementEffect {
    /** The period was suspended while awaiting the complement and continues with the days that were left. */
    CONTINUE,
    /** A full new period starts on the day the complement arrives. */
    RESTART
}
