package org.opengru.spring.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 serialisation of OpenGRU's public model for a host that exposes it (Spring MVC answers,
 * messages): gru-core's ids and values already write themselves as plain strings; this module does the
 * same for the scheduling and documents ids, and keeps internals out of the JSON (a booking's
 * cancellation-token hash and idempotency key, a document version's storage key). Registered in Spring
 * Boot's {@code JsonMapper} as a bean. Classes of a module missing from the classpath are skipped.
 */
public final class GruJacksonModule extends SimpleModule {

    private static final List<String> AS_STRING = List.of(
            "org.opengru.scheduling.booking.BookingId",
            "org.opengru.scheduling.model.SiteId",
            "org.opengru.scheduling.model.ServiceId",
            "org.opengru.scheduling.model.ResourceId",
            "org.opengru.scheduling.model.AntsPreApplicationNumber",
            "org.opengru.documents.vault.DocumentId",
            "org.opengru.documents.ingest.Sha256",
            "org.opengru.documents.ingest.SanitizedFileName");

    public GruJacksonModule(ClassLoader classLoader) {
        super("opengru");
        for (String name : AS_STRING) {
            load(classLoader, name, AsString.class);
        }
        load(classLoader, "org.opengru.scheduling.booking.Booking", BookingMixIn.class);
        load(classLoader, "org.opengru.documents.vault.DocumentVersion", DocumentVersionMixIn.class);
    }

    private void load(ClassLoader classLoader, String name, Class<?> mixIn) {
        try {
            setMixInAnnotation(Class.forName(name, false, classLoader), mixIn);
        } catch (ClassNotFoundException e) {
            // That module is not on the classpath: nothing of it to serialise.
        }
    }

    abstract static class AsString {
        @JsonValue
        @Override
        public abstract String toString();
    }

    @JsonIgnoreProperties({"cancelTokenHash", "idempotencyKey"})
    abstract static class BookingMixIn {}

    @JsonIgnoreProperties({"blobKey"})
    abstract static class DocumentVersionMixIn {}
}
