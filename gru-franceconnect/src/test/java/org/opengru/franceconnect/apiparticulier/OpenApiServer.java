package org.opengru.franceconnect.apiparticulier;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A loopback HTTP server answering from the official API Particulier OpenAPI description (v3 and v4
 * routes, a copy in test resources): 200 bodies built from the schema's examples, error bodies copied
 * from the documented examples. It also checks each request against the route's declared parameters
 * (required present, nothing undeclared, no more values than {@code maxItems}, integers where an
 * integer is declared) and records what it received.
 */
final class OpenApiServer implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A scripted answer. */
    record Answer(int status, String body, Map<String, String> headers) {}

    /** What arrived. */
    record Received(String path, Map<String, List<String>> query, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final List<JsonNode> specs = new ArrayList<>();
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripted = new ConcurrentHashMap<>();
    volatile Map<String, String> successHeaders = Map.of();

    OpenApiServer() {
        specs.add(load("/openapi/api-particulier-v3.yml"));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OpenApiServer.class.getResourceAsStream(resource)) {
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requestCount() {
        return received.size();
    }

    /** The route's GET operation in the official description. */
    JsonNode operation(String path) {
        for (JsonNode spec : specs) {
            JsonNode op = spec.path("paths").path(path).path("get");
            if (!op.isMissingNode()) {
                return op;
            }
        }
        throw new IllegalArgumentException("no route " + path + " in the OpenAPI extracts");
    }

    List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (JsonNode spec : specs) {
            spec.path("paths").properties().forEach(e -> paths.add(e.getKey()));
        }
        return paths;
    }

    /** The documented error examples of a route: (status, example name, body). */
    List<Map.Entry<Integer, JsonNode>> documentedErrors(String path) {
        List<Map.Entry<Integer, JsonNode>> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : operation(path).path("responses").properties()) {
            int status = Integer.parseInt(r.getKey());
            if (status >= 400) {
                for (JsonNode ex : r.getValue()
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .values()) {
                    errors.add(Map.entry(status, ex.path("value")));
                }
            }
        }
        return errors;
    }

    /** Queues one answer for the next request to this path. */
    void script(String path, int status, String body, Map<String, String> headers) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(new Answer(status, body, headers));
    }

    /** The 200 body of a route, from the documented example or built from the schema's examples. */
    String successBody(String path) {
        JsonNode ok =
                operation(path).path("responses").path("200").path("content").path("application/json");
        JsonNode examples = ok.path("examples");
        if (!examples.isMissingNode() && !examples.isEmpty()) {
            return examples.values().iterator().next().path("value").toString();
        }
        ObjectNode body = (ObjectNode) exampleOf(ok.path("schema"));
        body.putIfAbsent("links", NODES.objectNode());
        body.putIfAbsent("meta", NODES.objectNode());
        return body.toString();
    }

    private JsonNode exampleOf(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            for (JsonNode spec : specs) {
                JsonNode s = spec.path("components").path("schemas").path(name);
                if (!s.isMissingNode()) {
                    return exampleOf(s);
                }
            }
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").properties().forEach(p -> o.set(p.getKey(), exampleOf(p.getValue())));
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
                JsonNode en = schema.path("enum");
                return en.isArray() && !en.isEmpty() ? en.get(0) : NODES.stringNode("x");
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
        received.add(new Received(path, query, Map.copyOf(ex.getRequestHeaders())));
        try {
            checkParameters(path, query);
        } catch (IllegalArgumentException e) {
            respond(ex, 404, "{\"errors\":[]}", Map.of());
            return;
        }
        ConcurrentLinkedQueue<Answer> queue = scripted.get(path);
        Answer answer = queue == null ? null : queue.poll();
        if (answer == null) {
            respond(ex, 200, successBody(path), successHeaders);
        } else {
            respond(ex, answer.status(), answer.body(), answer.headers());
        }
    }

    /** Required parameters present, and nothing undeclared. */
    private void checkParameters(String path, Map<String, List<String>> query) {
        Set<String> declared = new HashSet<>();
        for (JsonNode p : operation(path).path("parameters").values()) {
            if (!"query".equals(p.path("in").asString())) {
                continue;
            }
            String name = p.path("name").asString();
            declared.add(name);
            if (p.path("required").asBoolean(false) && !query.containsKey(name)) {
                violations.add(path + ": required parameter " + name + " missing");
            }
            List<String> values = query.getOrDefault(name, List.of());
            JsonNode schema = p.path("schema");
            if (schema.has("maxItems")
                    && values.size() > schema.path("maxItems").asInt()) {
                violations.add(path + ": " + values.size() + " values of " + name + ", maxItems "
                        + schema.path("maxItems").asInt());
            }
            if ("integer".equals(schema.path("type").asString(""))) {
                for (String v : values) {
                    if (!v.matches("-?\\d+")) {
                        violations.add(path + ": " + name + " '" + v + "' is not an integer");
                    } else if (schema.has("maximum")
                            && Long.parseLong(v) > schema.path("maximum").asLong()) {
                        violations.add(path + ": " + name + " " + v + " above its maximum");
                    }
                }
            }
        }
        for (String name : query.keySet()) {
            if (!declared.contains(name)) {
                violations.add(path + ": undeclared parameter " + name);
            }
        }
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new java.util.LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return q;
    }

    private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
