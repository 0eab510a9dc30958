package org.opengru.documents.vault;

import java.util.Objects;
import java.util.UUID;
import org.opengru.core.error.ValidationException;

/**
 * Identifies a document in a vault (all its versions).
 *
 * @param value the UUID
 */
public record DocumentId(UUID value) {
    /**
     * Checks the id.
     *
     * @param value the UUID
     * @throws NullPointerException when the value is missing
     */
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The id of a UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static DocumentId of(UUID value) {
        return new DocumentId(value);
    }

    /**
     * Parses the canonical UUID text.
     *
     * @param text the UUID text
     * @return the id
     * @throws IllegalArgumentException when it is not a UUID
     */
    public static DocumentId parse(String text) {
        try {
            return new DocumentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("documentId", text, "is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
