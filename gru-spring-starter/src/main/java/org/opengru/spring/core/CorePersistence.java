package org.opengru.spring.core;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.request.RequestStore;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.spring.storage.GruStorage;

/**
 * gru-core's stores for the chosen {@link GruStorage}: the PostgreSQL adapters on the application's
 * DataSource (sharing one transaction helper, so that a command's writes commit together), or the
 * in-memory ones. Each store is also exposed as its own bean, which the application may replace.
 */
public final class CorePersistence {

    private final @Nullable PostgresPersistence postgres;
    private final RequestStore requestStore;
    private final ReferenceSequence referenceSequence;
    private final Outbox outbox;
    private final AuditTrail auditTrail;
    private final TimelineStore timelineStore;

    private CorePersistence(
            @Nullable PostgresPersistence postgres,
            RequestStore requestStore,
            ReferenceSequence referenceSequence,
            Outbox outbox,
            AuditTrail auditTrail,
            TimelineStore timelineStore) {
        this.postgres = postgres;
        this.requestStore = requestStore;
        this.referenceSequence = referenceSequence;
        this.outbox = outbox;
        this.auditTrail = auditTrail;
        this.timelineStore = timelineStore;
    }

    /** The adapters for {@code storage}; {@code subscribers} are the outbox's delivery targets. */
    public static CorePersistence of(GruStorage storage, Clock clock, Set<String> subscribers) {
        if (storage.isJdbc()) {
            PostgresPersistence pg = PostgresPersistence.builder(
                            storage.dataSource().orElseThrow(), clock)
                    .outboxSubscribers(subscribers)
                    .build();
            return new CorePersistence(
                    pg, pg.requestStore(), pg.referenceSequence(), pg.outbox(), pg.auditTrail(), pg.timelineStore());
        }
        // In memory the request store keeps its events for inspection only: nothing writes this outbox.
        return new CorePersistence(
                null,
                RequestStore.inMemory(),
                ReferenceSequence.inMemory(),
                Outbox.inMemory(clock, subscribers),
                AuditTrail.inMemory(),
                TimelineStore.inMemory());
    }

    /** The PostgreSQL adapters, when the storage is PostgreSQL. */
    public Optional<PostgresPersistence> postgres() {
        return Optional.ofNullable(postgres);
    }

    public RequestStore requestStore() {
        return requestStore;
    }

    public ReferenceSequence referenceSequence() {
        return referenceSequence;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public TimelineStore timelineStore() {
        return timelineStore;
    }
}
