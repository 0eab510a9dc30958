package org.opengru.core.jdbc.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.IsoInstant;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.TenantId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The request store's JSON, built once per store (no static state): the request document and the domain
 * events of the event payloads, written as the default mapper writes them, text for text
 * ({@code SubmissionEncodingUnchangedTest} holds the default mapper as its oracle), only cheaper. Jackson
 * looked up the serializer of every {@code @JsonValue} id on every write, formatted each instant through a {@code
 * DateTimeFormatter} and found the serializer of each form value by its class: here the ids are written as
 * their text, instants by {@link IsoInstant}, form values by their (few) types.
 */
final class RequestJson {

    private final JsonMapper mapper;
    private final ObjectWriter request;
    private final ObjectReader requestReader;

    RequestJson() {
        SimpleModule values = new SimpleModule("opengru-request-values");
        text(values, RequestId.class, id -> id.value().toString());
        text(values, UsagerId.class, id -> id.value().toString());
        text(values, EventId.class, id -> id.value().toString());
        text(values, TenantId.class, TenantId::value);
        text(values, TeamId.class, TeamId::value);
        text(values, AgentId.class, AgentId::value);
        text(values, ShortReference.class, ShortReference::value);
        text(values, ProcedureCode.class, ProcedureCode::value);
        text(values, DocumentTypeCode.class, DocumentTypeCode::value);
        text(values, Instant.class, IsoInstant::format);
        values.addSerializer(FormData.class, new FormDataSerializer());
        this.mapper = JsonMapper.builder().addModule(values).build();
        this.request = mapper.writerFor(Request.class);
        this.requestReader = mapper.readerFor(Request.class);
    }

    /** The request document, as stored in {@code gru_request.document}. */
    String document(Request r) {
        return request.writeValueAsString(r);
    }

    /** A stored request document read back. */
    Request request(String document) {
        return requestReader.readValue(document);
    }

    /** A domain event, as its runtime type writes it. */
    String event(DomainEvent e) {
        return mapper.writeValueAsString(e);
    }

    /** A JSON string, escaped as Jackson escapes it (the reason's text, whose digest is chained). */
    String string(String s) {
        return mapper.writeValueAsString(s);
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> text) {
        module.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(text.apply(value));
            }
        });
    }

    /**
     * Form values as their {@code @JsonValue} map: strings, booleans, decimals, lists and objects of them
     * (what {@link FormData} keeps); anything else through the mapper.
     */
    private static final class FormDataSerializer extends ValueSerializer<FormData> {
        @Override
        public void serialize(FormData value, JsonGenerator gen, SerializationContext ctxt) {
            object(value.asMap(), gen, ctxt);
        }

        private static void object(Map<?, ?> map, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                gen.writeName(String.valueOf(e.getKey()));
                value(e.getValue(), gen, ctxt);
            }
            gen.writeEndObject();
        }

        private static void value(@Nullable Object v, JsonGenerator gen, SerializationContext ctxt) {
            if (v == null) {
                gen.writeNull();
            } else if (v instanceof String s) {
                gen.writeString(s);
            } else if (v instanceof Boolean b) {
                gen.writeBoolean(b);
            } else if (v instanceof BigDecimal d) {
                gen.writeNumber(d);
            } else if (v instanceof Map<?, ?> m) {
                object(m, gen, ctxt);
            } else if (v instanceof List<?> list) {
                gen.writeStartArray();
                for (Object item : list) {
                    value(item, gen, ctxt);
                }
                gen.writeEndArray();
            } else {
                ctxt.writeValue(gen, v);
            }
        }
    }
}
