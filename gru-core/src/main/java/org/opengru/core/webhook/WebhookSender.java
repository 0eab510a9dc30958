package org.opengru.core.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;

/**
 * Delivers outbox events to one subscriber's HTTP endpoint: a signed POST of the {@link WebhookEnvelope}.
 * Any 2xx acknowledges the event; {@code 410 Gone} dead-letters it at once (the endpoint says it will
 * never accept it); anything else, a timeout or a refused connection is retried by the relay with
 * backoff. Each attempt is signed afresh (new timestamp), so retries stay inside the replay window.
 */
public final class WebhookSender implements OutboxSubscriber {

    private final WebhookEndpoint endpoint;
    private final HttpClient http;
    private final Clock clock;

    /**
     * A sender on a client of your own.
     *
     * @param endpoint where and how to call
     * @param http the HTTP client
     * @param clock the clock of the signatures' timestamps
     */
    public WebhookSender(WebhookEndpoint endpoint, HttpClient http, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A sender with its own HTTP client (HTTP/1.1, connect timeout of 5 seconds).
     *
     * @param endpoint where and how to call
     * @param clock the clock of the signatures' timestamps
     * @return the sender
     */
    public static WebhookSender create(WebhookEndpoint endpoint, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new WebhookSender(endpoint, http, clock);
    }

    @Override
    public String name() {
        return endpoint.subscriber();
    }

    /** The endpoint's timeout, plus the client's connect timeout in case the first bounds only the reply. */
    @Override
    public Duration timeout() {
        return endpoint.timeout().plus(http.connectTimeout().orElse(Duration.ZERO));
    }

    @Override
    public DeliveryResult deliver(OutboxRecord record) {
        byte[] body = WebhookEnvelope.body(record);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "OpenGRU-Webhook/1")
                .header(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.header(endpoint.secret(), now, body))
                .header(
                        WebhookSignatures.EVENT_ID_HEADER,
                        record.message().eventId().toString())
                .header(WebhookSignatures.EVENT_TYPE_HEADER, record.message().eventType())
                .header(WebhookSignatures.SCHEMA_VERSION_HEADER, WebhookEnvelope.SCHEMA_VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return DeliveryResult.ok("HTTP " + status);
            }
            if (status == 410) {
                return DeliveryResult.permanent("HTTP 410 Gone from " + endpoint.uri());
            }
            return DeliveryResult.retry("HTTP " + status + " from " + endpoint.uri());
        } catch (IOException e) {
            return DeliveryResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted");
        }
    }
}
