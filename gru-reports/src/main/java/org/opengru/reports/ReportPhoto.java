package org.opengru.reports;

import java.util.Objects;
import org.opengru.documents.storage.BlobKey;

/**
 * A photo of a signalement as stored: its metadata stripped, in a {@link
 * org.opengru.documents.storage.BlobStore} under a random key. The resident's file name is not kept.
 *
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param blob where it is stored
 * @param sizeBytes its size once stripped
 */
public record ReportPhoto(BlobKey blob, String mediaType, long sizeBytes) {

    /**
     * Checks that the parts are present.
     *
     * @param blob where it is stored
     * @param mediaType {@code image/jpeg} or {@code image/png}
     * @param sizeBytes its size once stripped
     * @throws NullPointerException naming the missing part
     */
    public ReportPhoto {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
