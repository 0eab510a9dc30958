package org.opengru.documents.vault;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;

/** Whether an agent checked a document version against the original. */
public sealed interface Verification {

    /**
     * The state's name for storage and display.
     *
     * @return {@code pending}, {@code verified} or {@code rejected}
     */
    String state();

    /** Nobody checked it yet. */
    record Unverified() implements Verification {
        @Override
        public String state() {
            return "UNVERIFIED";
        }
    }

    /**
     * An agent checked it; it stays verified when reused, until it expires.
     *
     * @param by the agent
     * @param at when
     */
    record Verified(AgentId by, Instant at) implements Verification {
        /**
         * Checks the verdict.
         *
         * @param by the agent
         * @param at when
         * @throws NullPointerException naming a missing value
         */
        public Verified {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String state() {
            return "VERIFIED";
        }
    }

    /**
     * An agent refused it, saying why.
     *
     * @param by the agent
     * @param at when
     * @param reason the reason shown to the usager, 1 to 1000 characters
     */
    record Rejected(AgentId by, Instant at, String reason) implements Verification {
        /**
         * Checks the verdict.
         *
         * @param by the agent
         * @param at when
         * @param reason the reason shown to the usager, 1 to 1000 characters
         * @throws NullPointerException naming a missing value
         * @throws IllegalArgumentException when the reason is blank or longer than 1000 characters
         */
        public Rejected {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            if (reason == null || reason.isBlank() || reason.length() > 1000) {
                throw new ValidationException("rejection.reason", reason, "must be 1 to 1000 characters");
            }
        }

        @Override
        public String state() {
            return "REJECTED";
        }
    }
}
