package org.opengru.examples.portal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 */
public final class ApiParticulierSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiParticulierSandbox.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode spec;
    private final HttpServer server;

    public ApiParticulierSandbox(int port) {
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
            respond(ex, 200, success(operation));
        }
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
