package org.opengru.core.rgpd;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an erasure request (droit à l'effacement, art. 17 RGPD).
 *
 * @param status whether the erasure was carried out
 * @param reason why it was refused, in plain French for the usager, with the article that allows it
 * @param retainedRequests the references of the received requests still under retention that name the
 *     usager (the refusal's cause); empty when done
 * @param outcomes what each module erased and kept; empty when refused (nothing was changed)
 */
public record Erasure(
        Status status, @Nullable String reason, List<String> retainedRequests, List<ErasureOutcome> outcomes) {

    /**
     * Copies the lists.
     *
     * @param status whether the erasure was carried out
     * @param reason why it was refused, in plain French for the usager, with the article that allows it
     * @param retainedRequests the references of the received requests still under retention that name the
     *     usager (the refusal's cause); empty when done
     * @param outcomes what each module erased and kept; empty when refused (nothing was changed)
     */
    public Erasure {
        retainedRequests = List.copyOf(retainedRequests);
        outcomes = List.copyOf(outcomes);
    }

    /** Whether the erasure was carried out. */
    public enum Status {
        /** Every module erased what it holds, within what the law allows (see the outcomes). */
        DONE,
        /**
         * Nothing was changed: a received request naming the usager is still under its retention period
         * (art. 17.3.b RGPD). Asked again once the purge job has ended those periods, it goes through.
         */
        REFUSED_UNDER_RETENTION
    }

    static Erasure done(List<ErasureOutcome> outcomes) {
        return new Erasure(Status.DONE, null, List.of(), outcomes);
    }

    static Erasure refused(List<String> references) {
        return new Erasure(
                Status.REFUSED_UNDER_RETENTION,
                "Vos données ne peuvent pas encore être effacées : " + references.size()
                        + (references.size() == 1 ? " demande reçue est conservée" : " demandes reçues sont conservées")
                        + " pendant la durée fixée par la loi (" + String.join(", ", references) + ")."
                        + " Rien n'a été effacé. Vous pourrez renouveler votre demande à la fin de cette durée."
                        + " Base légale : article 17.3.b du RGPD (obligation légale de conservation).",
                references,
                List.of());
    }

    /**
     * Whether the erasure was refused (nothing changed).
     *
     * @return {@code true} when refused under retention
     */
    public boolean refused() {
        return status != Status.DONE;
    }
}
