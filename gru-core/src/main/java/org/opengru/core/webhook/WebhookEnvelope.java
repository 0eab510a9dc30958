package org.opengru.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.opengru.core.outbox.OutboxRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a webhook call, version {@value #SCHEMA_VERSION}. Its JSON Schema ships in the jar
 * at {@value #SCHEMA_RESOURCE}; fields are only ever added within a version.
 *
 * <pre>{@code
 * {"schemaVersion":"1","schema":"https://opengru.org/schemas/webhook-event/v1.json",
 *  "id":"<event UUID>","type":"RequestSubmitted","tenant":"commune-75056",
 *  "aggregate":{"type":"request","id":"<request UUID>"},"sequence":1,
 *  "occurredAt":"2026-03-02T09:15:00Z","data":{ ... the event, with the full request ... }}
 * }</pre>
 */
public final class WebhookEnvelope {

    /** The envelope's schema version. */
    public static final String SCHEMA_VERSION = "1";
    /** The {@code $id} of the envelope's JSON Schema. */
    public static final String SCHEMA_ID = "https://opengru.org/schemas/webhook-event/v1.json";
    /** Where the JSON Schema is in the jar. */
    public static final String SCHEMA_RESOURCE = "org/opengru/core/webhook/webhook-event-v1.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookEnvelope() {}

    /**
     * The body for one outbox record, as UTF-8 bytes (exactly what is signed and sent).
     *
     * @param record the outbox record
     * @return the body
     */
    public static byte[] body(OutboxRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("schema", SCHEMA_ID);
        root.put("id", record.message().eventId().toString());
        root.put("type", record.message().eventType());
        root.put("tenant", record.message().tenant().value());
        ObjectNode aggregate = root.putObject("aggregate");
        aggregate.put("type", record.message().aggregateType());
        aggregate.put("id", record.message().aggregateId());
        root.put("sequence", record.streamSequence());
        root.put("occurredAt", record.message().occurredAt().toString());
        JsonNode data = JSON.readTree(record.message().payload());
        root.set("data", data);
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The JSON Schema of the body, as shipped in the jar.
     *
     * @return the JSON Schema's text
     */
    public static String schema() {
        try (InputStream in = WebhookEnvelope.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
