package org.opengru.documents.vault;

import java.util.Objects;
import java.util.UUID;
import org.opengru.core.error.ValidationException;

/** Identifies a document in a vault (all its versions). */
public record DocumentId(UUID value) {
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId of(UUID value) {
        return new DocumentId(value);
    }

    /** Parses the canonical UUID text. */
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
