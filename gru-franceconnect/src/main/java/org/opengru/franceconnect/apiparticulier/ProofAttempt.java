package org.opengru.franceconnect.apiparticulier;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.proof.DataProof;

/**
 * What came of fetching one data proof when the usager asked for it ({@link
 * ApiParticulierDataProofs#attempt}): the proof, or why there is none, so that the page can say so in
 * plain words and offer the upload instead.
 */
public sealed interface ProofAttempt {

    /**
     * The data was obtained.
     *
     * @param proof the data proof, valid on the day asked
     */
    record Obtained(DataProof proof) implements ProofAttempt {
        /**
         * Checks the proof.
         *
         * @param proof the data proof, valid on the day asked
         * @throws NullPointerException when the proof is missing
         */
        public Obtained {
            Objects.requireNonNull(proof, "proof");
        }
    }

    /**
     * No proof.
     *
     * @param cause the API's error, when there was one (its documented code, its provider)
     * @param reason why there is no proof
     */
    record NotObtained(Reason reason, @Nullable ApiParticulierException cause) implements ProofAttempt {
        /**
         * Checks the reason.
         *
         * @param reason why there is no proof
         * @param cause the API's error, when there was one (its documented code, its provider)
         * @throws NullPointerException when the reason is missing
         */
        public NotObtained {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * When API Particulier may be called again, after a rate limit; otherwise {@code null}.
         *
         * @return the instant, or {@code null}
         */
        public @Nullable Instant retryAt() {
            return cause instanceof RateLimitedException r ? r.retryAt() : null;
        }
    }

    /** Why there is no proof. */
    enum Reason {
        /** The piece is not mapped to a dataset, or the client belongs to another collectivité. */
        NOT_APPLICABLE,
        /** The usager's identity was only declared: asking with it could fetch someone else's data. */
        IDENTITY_NOT_CHECKED,
        /** The provider does not know the person (CAF/MSA: no allocataire file). */
        PERSON_UNKNOWN,
        /** The data came but proves nothing (not enrolled, not a beneficiary). */
        PROVES_NOTHING,
        /** Too many calls: API Particulier asked us to wait (see {@link NotObtained#retryAt()}). */
        RATE_LIMITED,
        /** The provider or API Particulier is down, slow or unreachable: try again later. */
        SOURCE_UNAVAILABLE,
        /** Refused for a reason on our side (habilitation, token, parameters) or an answer not understood. */
        FAILED
    }
}
