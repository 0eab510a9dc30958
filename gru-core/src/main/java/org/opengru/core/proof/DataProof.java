package org.opengru.core.proof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;

/**
 * Data fetched from an administration that stands in for a document ("Dites-le-nous une fois"): a
 * quotient familial from the CAF via API Particulier replaces the CAF certificate.
 *
 * @param replaces the piece it stands for
 * @param source who vouches for it ("API Particulier — CNAF")
 * @param description what it says, for the agent
 * @param obtainedAt when it was fetched
 * @param validUntil until when it may be relied on, when the source says
 * @param attributes the data itself (never a file)
 */
public record DataProof(
        DocumentTypeCode replaces,
        String source,
        String description,
        Instant obtainedAt,
        @Nullable LocalDate validUntil,
        Map<String, String> attributes) {

    /**
     * Checks that the piece, source, description and time are present, and copies the attributes.
     *
     * @param replaces the piece it stands for
     * @param source who vouches for it ("API Particulier — CNAF")
     * @param description what it says, for the agent
     * @param obtainedAt when it was fetched
     * @param validUntil until when it may be relied on, when the source says
     * @param attributes the data itself (never a file)
     * @throws NullPointerException naming the missing part
     */
    public DataProof {
        Objects.requireNonNull(replaces, "replaces");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        attributes = Map.copyOf(attributes);
    }
}
