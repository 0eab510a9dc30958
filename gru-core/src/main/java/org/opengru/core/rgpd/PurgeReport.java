package org.opengru.core.rgpd;

/** What one purge run did. */
public record PurgeReport(int archived, int purged, int anonymised) {

    public PurgeReport plus(PurgeReport other) {
        return new PurgeReport(archived + other.archived, purged + other.purged, anonymised + other.anonymised);
    }

    public int total() {
        return archived + purged + anonymised;
    }
}
