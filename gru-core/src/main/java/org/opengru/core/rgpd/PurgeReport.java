package org.opengru.core.rgpd;

/**
 * What one purge run did.
 *
 * @param archived requests moved to the intermediate archive
 * @param purged requests deleted
 * @param anonymised requests stripped of what identifies
 */
public record PurgeReport(int archived, int purged, int anonymised) {

    /**
     * The counts of both runs added.
     *
     * @param other another run's report
     * @return the sum
     */
    public PurgeReport plus(PurgeReport other) {
        return new PurgeReport(archived + other.archived, purged + other.purged, anonymised + other.anonymised);
    }

    /**
     * How many requests the run changed.
     *
     * @return the sum of the three counts
     */
    public int total() {
        return archived + purged + anonymised;
    }
}
