package org.opengru.core.catalogue.geocoding;

/** What geocoding an address found; an outage is a {@link GeocoderUnavailableException} instead. */
public sealed interface GeocodingResult {

    /**
     * An address found with enough confidence.
     *
     * @param address the address found
     */
    record Match(GeocodedAddress address) implements GeocodingResult {}

    /** Nothing matches the text. */
    record NoMatch() implements GeocodingResult {}

    /**
     * The best candidate is too uncertain (low score, or only the commune was recognised).
     *
     * @param best the best candidate, for the resident to check or correct
     */
    record LowScore(GeocodedAddress best) implements GeocodingResult {}
}
