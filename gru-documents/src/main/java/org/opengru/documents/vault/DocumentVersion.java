package org.opengru.documents.vault;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorRef;
import org.opengru.documents.ingest.SanitizedFileName;
import org.opengru.documents.ingest.Sha256;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.types.DocumentFacts;

/**
 * One file of a document (a new scan of the same card is a new version).
 *
 * @param number 1, 2, ... in upload order
 * @param blobKey where the encrypted file is
 * @param fileName the sanitised original name
 * @param mediaType the detected type
 * @param size plaintext bytes
 * @param sha256 plaintext digest
 * @param channel how it came in (web, counter, mail...)
 * @param uploadedBy who uploaded it (the usager, a representative, an agent at the counter)
 * @param uploadedAt when
 * @param facts issue and expiry dates, holder's birth date
 * @param verification an agent's check
 */
public record DocumentVersion(
        int number,
        BlobKey blobKey,
        SanitizedFileName fileName,
        AllowedMediaType mediaType,
        long size,
        Sha256 sha256,
        Channel channel,
        ActorRef uploadedBy,
        Instant uploadedAt,
        DocumentFacts facts,
        Verification verification) {

    /**
     * Checks the version.
     *
     * @param number 1, 2, ... in upload order
     * @param blobKey where the encrypted file is
     * @param fileName the sanitised original name
     * @param mediaType the detected type
     * @param size plaintext bytes
     * @param sha256 plaintext digest
     * @param channel how it came in (web, counter, mail...)
     * @param uploadedBy who uploaded it (the usager, a representative, an agent at the counter)
     * @param uploadedAt when
     * @param facts issue and expiry dates, holder's birth date
     * @param verification an agent's check
     * @throws IllegalArgumentException when its number is below 1
     * @throws NullPointerException naming a missing value
     */
    public DocumentVersion {
        if (number < 1) {
            throw new IllegalArgumentException("version number must be 1 or more, got " + number);
        }
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * A copy with another verification.
     *
     * @param v the agent's verdict
     * @return the copy
     */
    public DocumentVersion withVerification(Verification v) {
        return new DocumentVersion(
                number, blobKey, fileName, mediaType, size, sha256, channel, uploadedBy, uploadedAt, facts, v);
    }
}
