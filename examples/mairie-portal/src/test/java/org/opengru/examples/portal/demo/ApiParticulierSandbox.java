package org.opengru.examples.portal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A local API Particulier sandbox for the demo: answers every GET route of the official OpenAPI
 * description (an extract of {@code api-particulier-openapi-v3.yml} shipped with the portal) with the
 * documented example, or a body built from the schema's examples; a call without a Bearer token gets the
 * documented 401. Loopback only.
 *
 * <p>The quotient familial route knows one family, the Martins of the demo (CNAF, quotient 734, for the
 * month asked): anyone else gets the documented 404 "allocataire non référencé". {@link #simulate} makes
 * it answer as API Particulier does when the provider is down or when we call too often, with the
 * documented error bodies.
 */
public final class ApiParticulierSandbox implements AutoCloseable {

    /** The quotient familial route. */
    public static final String QUOTIENT_FAMILIAL = "/v3/dss/quotient_familial/identite";

    /** The demo family's quotient familial. */
    public static final int MARTIN_QUOTIENT = 734;

    /** How the sandbox answers, for trying the portal's error paths. */
    public enum Behaviour {
        /** Documented answers: the demo family is known, everyone else is not. */
        NORMAL,
        /** Nobody is known: the documented 404 {@code 35003} "allocataire non référencé". */
        PERSON_UNKNOWN,
        /** The provider is unavailable: the documented 504 {@code 37001}. */
        PROVIDER_DOWN,
        /** Too many requests: the documented 429 {@code 00429}, {@code Retry-After: 1}. */
        RATE_LIMITED
    }

    private static final Logger log = LoggerFactory.getLogger(ApiParticulierSandbox.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;
    private final HttpServer server;
    private final Clock clock;
    private volatile Behaviour behaviour = Behaviour.NORMAL;

    public ApiParticulierSandbox(int port, Clock clock) {
        this.clock = clock;
        try (InputStream in = ApiParticulierSandbox.class.getResourceAsStream("/demo/api-particulier-v3-extract.yml")) {
            if (in == null) {
                throw new IllegalStateException("the API Particulier description is missing from the portal");
            }
            spec = YAMLMapper.builder().build().readTree(in);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        log.info("Demo API Particulier sandbox at {}", baseUri());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Changes how the quotient familial route answers (for demonstrations and tests). */
    public void simulate(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            JsonNode operation = spec.path("paths").path(path).path("get");
            if (!"GET".equals(ex.getRequestMethod()) || operation.isMissingNode()) {
                respond(
                        ex,
                        404,
                        "{\"errors\":[{\"code\":\"00404\",\"title\":\"Route inconnue\",\"detail\":\""
                                + path.replace("\"", "") + "\"}]}");
                return;
            }
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                respond(ex, 401, documented(operation, "401"));
                return;
            }
            if (QUOTIENT_FAMILIAL.equals(path)) {
                quotientFamilial(ex, operation);
                return;
            }
            respond(ex, 200, success(operation));
        }
    }

    private void quotientFamilial(HttpExchange ex, JsonNode operation) throws IOException {
        switch (behaviour) {
            case PROVIDER_DOWN -> respond(ex, 504, documented(operation, "504", "provider_unavailable_error"));
            case PERSON_UNKNOWN -> respond(ex, 404, documented(operation, "404", "allocataire_non_reference_35003"));
            case RATE_LIMITED -> {
                ex.getResponseHeaders().add("Retry-After", "1");
                respond(ex, 429, documented(operation, "429", "too_many_requests_error"));
            }
            case NORMAL -> {
                Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
                String name = first(query, "nomNaissance");
                String given = first(query, "prenoms[]");
                boolean martin = "MARTIN".equalsIgnoreCase(name)
                        && ("CLAIRE".equalsIgnoreCase(given) || "THOMAS".equalsIgnoreCase(given));
                if (!martin) {
                    respond(ex, 404, documented(operation, "404", "allocataire_non_reference_35003"));
                    return;
                }
                YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Europe/Paris")));
                String year = first(query, "annee");
                String month = first(query, "mois");
                YearMonth period = year.isEmpty() || month.isEmpty()
                        ? now
                        : YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
                respond(ex, 200, martinFamily(operation, period, now));
            }
        }
    }

    /** The schema's example body, filled with the demo family, for the month asked. */
    private String martinFamily(JsonNode operation, YearMonth period, YearMonth computedIn) {
        ObjectNode body = (ObjectNode) exampleOf(operation
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema"));
        ObjectNode data = (ObjectNode) body.path("data");
        ArrayNode allocataires = NODES.arrayNode();
        allocataires.add(member("MARTIN", "CLAIRE MARIE", "1985-04-12", "F"));
        allocataires.add(member("MARTIN", "THOMAS", "1983-09-02", "M"));
        data.set("allocataires", allocataires);
        ArrayNode enfants = NODES.arrayNode();
        enfants.add(member("MARTIN", "LEO", "2017-05-21", "M"));
        data.set("enfants", enfants);
        ObjectNode address = (ObjectNode) data.path("adresse");
        address.put("destinataire", "MADAME CLAIRE MARTIN");
        address.put("numero_libelle_voie", "12 RUE DES LILAS");
        address.put("code_postal_ville", "45000 BELLEVILLE-SUR-LOIRE");
        ObjectNode qf = (ObjectNode) data.path("quotient_familial");
        qf.put("fournisseur", "CNAF");
        qf.put("valeur", MARTIN_QUOTIENT);
        qf.put("annee", period.getYear());
        qf.put("mois", period.getMonthValue());
        qf.put("annee_calcul", computedIn.getYear());
        qf.put("mois_calcul", computedIn.getMonthValue());
        body.putIfAbsent("links", NODES.objectNode());
        body.putIfAbsent("meta", NODES.objectNode());
        return body.toString();
    }

    private static ObjectNode member(String name, String givenNames, String birthDate, String sex) {
        ObjectNode m = NODES.objectNode();
        m.put("nom_naissance", name);
        m.putNull("nom_usage");
        m.put("prenoms", givenNames);
        m.put("date_naissance", birthDate);
        m.put("sexe", sex);
        return m;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The documented example of that status, by its name in the description. */
    private static String documented(JsonNode operation, String status, String example) {
        JsonNode value = operation
                .path("responses")
                .path(status)
                .path("content")
                .path("application/json")
                .path("examples")
                .path(example)
                .path("value");
        if (value.isMissingNode()) {
            throw new IllegalStateException("the description has no example " + example + " for " + status);
        }
        return value.toString();
    }

    private String documented(JsonNode operation, String status) {
        JsonNode content =
                operation.path("responses").path(status).path("content").path("application/json");
        for (JsonNode example : content.path("examples").values()) {
            return example.path("value").toString();
        }
        return "{\"errors\":[{\"code\":\"00101\",\"title\":\"Interdit\",\"detail\":\"Jeton manquant\"}]}";
    }

    private String success(JsonNode operation) {
        JsonNode ok = operation.path("responses").path("200").path("content").path("application/json");
        for (JsonNode example : ok.path("examples").values()) {
            return example.path("value").toString();
        }
        JsonNode body = exampleOf(ok.path("schema"));
        if (body instanceof ObjectNode o) {
            o.putIfAbsent("links", NODES.objectNode());
            o.putIfAbsent("meta", NODES.objectNode());
        }
        return body.toString();
    }

    private JsonNode exampleOf(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            return exampleOf(spec.path("components").path("schemas").path(name));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        switch (schema.path("type").asString("object")) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    o.set(p.getKey(), exampleOf(p.getValue()));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(exampleOf(schema.path("items")));
                return a;
            }
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                JsonNode values = schema.path("enum");
                return values.isArray() && !values.isEmpty() ? values.get(0) : NODES.stringNode("x");
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().add("RateLimit-Limit", "20");
        ex.getResponseHeaders().add("RateLimit-Remaining", "19");
        ex.getResponseHeaders().add("RateLimit-Reset", "60");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
