package org.opengru.core.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * Where and how to call one subscriber.
 *
 * @param subscriber the outbox subscriber name, such as {@code logiciel-metier}
 * @param uri an {@code https} URL ({@code http} only on loopback, for tests and local relays)
 * @param secret this subscriber's own HMAC secret
 * @param timeout the whole call's timeout; a timeout counts as a failed, retried attempt
 */
public record WebhookEndpoint(String subscriber, URI uri, WebhookSecret secret, Duration timeout) {

    /**
     * Checks every part: a subscriber name, an HTTPS URL (HTTP only on loopback) and a timeout from 1 ms to 5
     * minutes.
     *
     * @param subscriber the outbox subscriber name, such as {@code logiciel-metier}
     * @param uri an {@code https} URL ({@code http} only on loopback, for tests and local relays)
     * @param secret this subscriber's own HMAC secret
     * @param timeout the whole call's timeout; a timeout counts as a failed, retried attempt
     * @throws org.opengru.core.error.ValidationException naming {@code webhook.<part>} and the value
     */
    public WebhookEndpoint {
        Checks.text("webhook.subscriber", subscriber, 63);
        Checks.required("webhook.uri", uri);
        Checks.required("webhook.secret", secret);
        Checks.required("webhook.timeout", timeout);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new ValidationException("webhook.uri", uri, "must be https (http only on loopback)");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ValidationException("webhook.timeout", timeout, "must be between 1 ms and 5 minutes");
        }
    }

    /**
     * An endpoint with a 10-second timeout.
     *
     * @param subscriber the subscriber's name
     * @param uri its URL
     * @param secret its secret
     * @return the endpoint
     */
    public static WebhookEndpoint of(String subscriber, URI uri, WebhookSecret secret) {
        return new WebhookEndpoint(subscriber, uri, secret, Duration.ofSeconds(10));
    }
}
