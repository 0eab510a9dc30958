package org.opengru.core.catalogue.geocoding;

import java.util.Comparator;
import java.util.List;

/**
 * Port: finds addresses in France from a text, as the Base Adresse Nationale does ({@link BanGeocoder}).
 * Implementations are thread-safe; they bound the time a call takes and report an outage as {@link
 * GeocoderUnavailableException}, never as "no match".
 */
public interface AddressGeocoder {

    /**
     * The candidates for the query, best first, at most {@code query.limit()}; empty when nothing matches.
     *
     * @throws GeocoderUnavailableException when the service cannot answer (timeout, unreachable, rate
     *     limited, server error, unreadable answer)
     *
     * @param query the address text, commune and limit
     * @return the candidates, possibly none
     */
    List<GeocodedAddress> search(AddressQuery query);

    /**
     * The best candidate judged: a {@link GeocodingResult.Match} when its score reaches {@code minScore}
     * and it locates more than the commune alone; a {@link GeocodingResult.LowScore} otherwise; {@link
     * GeocodingResult.NoMatch} when there is no candidate.
     *
     * @throws GeocoderUnavailableException as {@link #search}
     * @param query the address text, commune and limit
     * @param minScore the score a match needs, from 0 to 1
     * @return the judgement of the best candidate
     */
    default GeocodingResult geocode(AddressQuery query, double minScore) {
        List<GeocodedAddress> found = search(query);
        if (found.isEmpty()) {
            return new GeocodingResult.NoMatch();
        }
        GeocodedAddress best = found.stream()
                .max(Comparator.comparingDouble(GeocodedAddress::score))
                .orElseThrow();
        boolean precise = !GeocodedAddress.MUNICIPALITY.equals(best.type());
        return precise && best.score() >= minScore
                ? new GeocodingResult.Match(best)
                : new GeocodingResult.LowScore(best);
    }
}
