package org.opengru.core.notification.sms;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP SMS provider on loopback (port 0) answering with a status the test sets. */
public final class LoopbackSmsEndpoint implements AutoCloseable {

    /** One request received. */
    public record Received(String authorization, String body) {}

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public LoopbackSmsEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(auth == null ? "" : auth, body));
            int s = status.get();
            byte[] answer = (s / 100 == 2
                            ? "{\"id\":\"sms-" + counter.incrementAndGet() + "\"}"
                            : "{\"error\":\"status " + s + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(s, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
