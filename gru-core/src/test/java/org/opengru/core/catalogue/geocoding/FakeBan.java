package org.opengru.core.catalogue.geocoding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Base Adresse Nationale's {@code /search/} endpoint, on loopback: answers what
 * the test sets (GeoJSON features, an HTTP status, or no answer at all) and records the requests.
 */
public final class FakeBan implements AutoCloseable {

    /** What the fake does with a request. */
    private interface Behaviour {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = exchange -> reply(exchange, 200, collection());

    public FakeBan() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI());
            try {
                behaviour.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (a timeout under test)
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests received, path and query. */
    public List<URI> requests() {
        return requests;
    }

    /** Answers a FeatureCollection of these features (see {@link #feature}). */
    public void answerFeatures(String... features) {
        String body = collection(features);
        behaviour = exchange -> reply(exchange, 200, body);
    }

    public void answer(int status, String body) {
        behaviour = exchange -> reply(exchange, status, body);
    }

    /** Never answers (until closed). */
    public void stallBeforeHeaders() {
        behaviour = exchange -> released.await();
    }

    /** Sends the status and the start of a body, then nothing more (until closed). */
    public void stallInBody() {
        behaviour = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            released.await();
        };
    }

    /** A body of this many bytes of valid-looking JSON. */
    public void answerHuge(int bytes) {
        behaviour = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"features\":[], \"padding\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        };
    }

    /** One GeoJSON feature as the BAN writes it. */
    public static String feature(
            String label,
            String houseNumber,
            String street,
            String postcode,
            String citycode,
            String city,
            double score,
            String type,
            double lon,
            double lat) {
        return String.format(
                Locale.ROOT,
                """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                 "properties":{"label":"%s","score":%s,"housenumber":"%s","id":"x","name":"%s %s",
                 "postcode":"%s","citycode":"%s","x":0,"y":0,"city":"%s","context":"45, Loiret",
                 "type":"%s","importance":0.6,"street":"%s"}}""",
                lon,
                lat,
                label,
                score,
                houseNumber,
                houseNumber,
                street,
                postcode,
                citycode,
                city,
                type,
                street);
    }

    /** The BAN's answer for 10 rue de la République, Orléans. */
    public static String orleans(double score) {
        return feature(
                "10 Rue de la République 45000 Orléans",
                "10",
                "Rue de la République",
                "45000",
                "45234",
                "Orléans",
                score,
                "housenumber",
                1.904502,
                47.904035);
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"version\":\"draft\",\"features\":[" + String.join(",", features)
                + "],\"attribution\":\"BAN\",\"licence\":\"ETALAB-2.0\",\"limit\":5}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
