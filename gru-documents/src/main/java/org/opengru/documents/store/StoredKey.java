package org.opengru.documents.store;

import java.util.Objects;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.vault.DocumentId;

/**
 * One version's wrapped data key, with what re-wrapping it needs.
 *
 * @param document the document
 * @param version the version
 * @param blobKey the version's blob (the wrapped key is bound to it)
 * @param key the wrapped key
 */
public record StoredKey(DocumentId document, int version, BlobKey blobKey, WrappedKey key) {
    /**
     * Checks the key.
     *
     * @param document the document
     * @param version the version
     * @param blobKey the version's blob (the wrapped key is bound to it)
     * @param key the wrapped key
     * @throws NullPointerException naming a missing value
     */
    public StoredKey {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(key, "key");
    }
}
