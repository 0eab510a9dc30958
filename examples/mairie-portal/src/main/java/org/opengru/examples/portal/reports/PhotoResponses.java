package org.opengru.examples.portal.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A report's photo as an HTTP response: streamed from where it is kept with a small buffer (a photo may
 * weigh megabytes, and several agents open them at once), shown inline under a neutral file name, never
 * sniffed as another type, and never kept by a shared cache (it is personal data).
 */
final class PhotoResponses {

    /** The copy's buffer: what one response holds of a photo at a time. */
    static final int BUFFER = 8 * 1024;

    private PhotoResponses() {}

    /**
     * Writes the headers, then copies the photo to the response a buffer at a time.
     *
     * @param size the photo's size in bytes, or a negative number when unknown
     */
    static void send(InputStream photo, String mediaType, long size, String fileName, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType);
        if (size >= 0) {
            response.setContentLengthLong(size);
        }
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(fileName).build().toString()); // ASCII names only
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Personal data: only this browser may keep it, and not on disk.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        OutputStream out = response.getOutputStream();
        byte[] buffer = new byte[BUFFER];
        for (int n = photo.read(buffer); n >= 0; n = photo.read(buffer)) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }

    /** The extension of a photo's media type, for its file name. */
    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
