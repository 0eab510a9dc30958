package org.opengru.examples.portal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A local stand-in for the Base Adresse Nationale's geocoding API ({@code /search/}), on loopback, answering
 * as the real one does for a few addresses: two in the commune (one next to the demo's dépôt sauvage of the
 * place du Marché), one in Paris (outside the commune); anything else is not found. One per test run, shared by
 * the running portal through {@code gru.reports.geocoder-url}.
 */
final class FakeAddressBase {

    /** Next to the demo's dépôt sauvage (DemoReports.PLACE_DU_MARCHE): a duplicate is proposed. */
    static final String PLACE_DU_MARCHE = "3 place du Marché";

    /** In the commune, far from every demo report. */
    static final String RUE_DES_LILAS = "8 rue des Lilas";

    /** Outside the commune. */
    static final String PARIS = "1 rue de Rivoli Paris";

    private static final Map<String, double[]> KNOWN = Map.of(
            PLACE_DU_MARCHE.toLowerCase(), new double[] {47.90225, 1.90935},
            RUE_DES_LILAS.toLowerCase(), new double[] {47.88600, 1.87200},
            PARIS.toLowerCase(), new double[] {48.85600, 2.35800});

    private static final FakeAddressBase INSTANCE = new FakeAddressBase();

    private final HttpServer server;

    private FakeAddressBase() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/search/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String q = "";
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("q=")) {
                    q = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                }
            }
            double[] point = KNOWN.get(q.strip().toLowerCase());
            String body = point == null
                    ? "{\"type\":\"FeatureCollection\",\"features\":[]}"
                    : "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                            + "{\"type\":\"Point\",\"coordinates\":[" + point[1] + "," + point[0] + "]},"
                            + "\"properties\":{\"label\":\"" + q.strip() + "\",\"score\":0.95,\"type\":\"housenumber\","
                            + "\"housenumber\":\"3\",\"street\":\"Rue\",\"postcode\":\"45000\","
                            + "\"citycode\":\"45234\",\"city\":\"Belleville-sur-Loire\"}}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The base URL the portal's geocoder is given. */
    static String url() {
        return "http://127.0.0.1:" + INSTANCE.server.getAddress().getPort();
    }
}
