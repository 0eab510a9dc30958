package org.opengru.documents.vault;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;

/** Whether an agent checked a document version against the original. */
public sealed interface Verification {

    /** The state's name for storage and display. */
    String state();

    /** Nobody checked it yet. */
    record Unverified() implements Verification {
        @Override
        public String state() {
            return "UNVERIFIED";
        }
    }

    /** An agent checked it; it stays verified when reused, until it expires. */
    record Verified(AgentId by, Instant at) implements Verification {
        public Verified {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String state() {
            return "VERIFIED";
        }
    }

    /** An agent refused it, saying why. */
    record Rejected(AgentId by, Instant at, String reason) implements Verification {
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
