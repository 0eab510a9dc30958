package org.opengru.franceconnect.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Small blocking HTTP helpers with a timeout and a body size cap (a hostile server cannot flood us). */
public final class HttpCalls {
    /** Large enough for any JWKS, token or userinfo response. */
    public static final int MAX_BODY = 256 * 1024;

    private HttpCalls() {}

    /** A response: status, content type and body as text. */
    public record Response(int status, Optional<String> contentType, String body, java.net.http.HttpHeaders headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The media type without parameters, lower case. */
        public String mediaType() {
            return contentType
                    .map(c -> c.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT))
                    .orElse("");
        }
    }

    /** Thrown for network failures and timeouts. */
    public static final class CallFailedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;

        CallFailedException(String message, Throwable cause, boolean timeout) {
            super(message, cause);
            this.timeout = timeout;
        }

        public boolean timeout() {
            return timeout;
        }
    }

    public static Response send(HttpClient client, HttpRequest request) throws CallFailedException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new CallFailedException(
                            request.uri() + " answered more than " + MAX_BODY + " bytes",
                            new IOException("too large"),
                            false);
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            return new Response(
                    response.statusCode(), response.headers().firstValue("Content-Type"), body, response.headers());
        } catch (HttpTimeoutException e) {
            throw new CallFailedException(request.uri() + " timed out", e, true);
        } catch (IOException | UncheckedIOException e) {
            throw new CallFailedException(request.uri() + " failed: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailedException(request.uri() + " interrupted", e, false);
        }
    }

    public static HttpRequest get(URI uri, Duration timeout, String accept) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .GET()
                .build();
    }

    public static HttpRequest postForm(URI uri, Duration timeout, Map<String, String> form) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
    }

    public static String formEncode(Map<String, String> form) {
        StringJoiner joiner = new StringJoiner("&");
        form.forEach((k, v) -> joiner.add(encode(k) + "=" + encode(v)));
        return joiner.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
