package org.opengru.examples.portal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSignatureException;
import org.opengru.core.webhook.WebhookSignatures;
import org.opengru.core.webhook.WebhookVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny "logiciel métier" (the commune's back-office software), as a vendor would write its receiving
 * end: it checks each webhook's signature (HMAC, timestamp within five minutes) before reading the body,
 * answers 401 to anything unsigned or forged, and prints what it receives.
 */
public final class BackOfficeReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeReceiver.class);

    private final HttpServer server;
    private final WebhookVerifier verifier;
    private final List<String> received = new CopyOnWriteArrayList<>();

    public BackOfficeReceiver(int port, WebhookSecret secret, Clock clock) {
        this.verifier = WebhookVerifier.of(clock, Duration.ofMinutes(5), secret);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/webhooks/opengru", this::handle);
        server.start();
        log.info("Demo logiciel métier listening at {}", uri());
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/opengru");
    }

    /** The bodies accepted so far, oldest first. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            try {
                verifier.verify(ex.getRequestHeaders().getFirst(WebhookSignatures.SIGNATURE_HEADER), body);
            } catch (WebhookSignatureException e) {
                log.warn("Logiciel métier: refused a webhook ({})", e.getMessage());
                ex.sendResponseHeaders(401, -1);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            received.add(text);
            log.info(
                    "Logiciel métier received {} {}: {}",
                    ex.getRequestHeaders().getFirst(WebhookSignatures.EVENT_TYPE_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignatures.EVENT_ID_HEADER),
                    text);
            ex.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
