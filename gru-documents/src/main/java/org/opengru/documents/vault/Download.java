package org.opengru.documents.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.opengru.documents.ingest.SanitizedFileName;
import org.opengru.documents.ingest.Sha256;

/**
 * A file ready to be served: decrypted content and the headers to send with it. The caller closes it.
 * Serve with {@code Content-Type: mediaType}, {@code Content-Disposition: contentDisposition}, {@code
 * X-Content-Type-Options: nosniff}, {@code Content-Length: size} and {@code Repr-Digest:
 * sha-256=:<base64>:} (RFC 9530).
 *
 * @param content the plaintext, decrypted as it is read (a tampered blob throws while reading)
 * @param mediaType the type detected at upload
 * @param size plaintext bytes
 * @param sha256 plaintext digest, for the client (and the server) to check
 * @param fileName the sanitised original name
 * @param contentDisposition {@code attachment; filename="..."; filename*=UTF-8''...}
 */
public record Download(
        InputStream content,
        String mediaType,
        long size,
        Sha256 sha256,
        SanitizedFileName fileName,
        String contentDisposition)
        implements AutoCloseable {

    /**
     * Checks the download.
     *
     * @param content the plaintext, decrypted as it is read (a tampered blob throws while reading)
     * @param mediaType the type detected at upload
     * @param size plaintext bytes
     * @param sha256 plaintext digest, for the client (and the server) to check
     * @param fileName the sanitised original name
     * @param contentDisposition {@code attachment; filename="..."; filename*=UTF-8''...}
     * @throws NullPointerException naming a missing value
     */
    public Download {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentDisposition, "contentDisposition");
    }

    /**
     * The {@code Repr-Digest} header value.
     *
     * @return {@code sha-256=:<base64>:}
     */
    public String reprDigest() {
        return "sha-256=:" + sha256.base64() + ":";
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
