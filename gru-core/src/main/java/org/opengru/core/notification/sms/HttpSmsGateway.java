package org.opengru.core.notification.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generic HTTP SMS provider on {@code java.net.http}: POSTs {@code {"to", "from", "text", "reference"}}
 * as JSON with a bearer token, and reads the provider's id from the response's {@code id} field. Most
 * French providers offer such an endpoint or a thin proxy to one. A 2xx is accepted; 408, 429 and 5xx
 * and network failures are worth retrying; other 4xx are permanent refusals.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI endpoint;
    private final @Nullable String bearerToken;
    private final Duration timeout;

    /**
     * A gateway with its own HTTP client.
     *
     * @param endpoint the provider's URL (HTTPS; HTTP only on loopback)
     * @param bearerToken the provider's token, or {@code null}
     * @param timeout the longest call
     */
    public HttpSmsGateway(URI endpoint, @Nullable String bearerToken, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(timeout).build(), endpoint, bearerToken, timeout);
    }

    /**
     * A gateway on a client of your own (proxy, TLS settings).
     *
     * @param client the client
     * @param endpoint the provider's URL (HTTPS; HTTP only on loopback)
     * @param bearerToken the provider's token, or {@code null}
     * @param timeout the longest call
     */
    public HttpSmsGateway(HttpClient client, URI endpoint, @Nullable String bearerToken, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && isLoopback(endpoint))) {
            throw new ValidationException("sms.endpoint", endpoint, "must be https (http only on loopback)");
        }
        this.bearerToken = bearerToken;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    @Override
    public String send(SmsMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("to", message.to().value());
        body.put("from", message.sender());
        body.put("text", message.text());
        body.put("reference", message.reference());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsGatewayException("SMS gateway unreachable: " + e, false, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("interrupted while sending an SMS", false, 0, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return providerId(response.body(), message.reference());
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new SmsGatewayException(
                "SMS gateway answered " + status + ": " + abbreviate(response.body()), !retryable, status, null);
    }

    private static String providerId(String body, String fallback) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode id = node.get("id");
            return id != null && id.isValueNode() && !id.asString().isBlank() ? id.asString() : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
