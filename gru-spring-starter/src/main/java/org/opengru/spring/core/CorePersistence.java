package org.opengru.spring.core;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.RecordingRequestStore;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.UsagerStore;
import org.opengru.spring.storage.GruStorage;

/**
 * gru-core's stores for the chosen {@link GruStorage}: the PostgreSQL adapters on the application's
 * DataSource (sharing one transaction helper, so that a command's writes commit together), or the
 * in-memory ones, for requests, references, outbox, audit, timeline, catalogue, usagers, mandates,
 * teams, exchanges and consents. Each store is also exposed as its own bean, which the application may replace.
 */
public final class CorePersistence {

    private final @Nullable PostgresPersistence postgres;
    private final RequestStore requestStore;
    private final ReferenceSequence referenceSequence;
    private final Outbox outbox;
    private final AuditTrail auditTrail;
    private final TimelineStore timelineStore;
    private final ProcedureStore procedureStore;
    private final UsagerStore usagerStore;
    private final MandateStore mandateStore;
    private final TeamDirectory teamDirectory;
    private final ExchangeStore exchangeStore;
    private final ConsentLedger consentLedger;

    private CorePersistence(@Nullable PostgresPersistence pg, Clock clock, Set<String> subscribers) {
        this.postgres = pg;
        this.referenceSequence = pg != null ? pg.referenceSequence() : ReferenceSequence.inMemory();
        this.outbox = pg != null ? pg.outbox() : Outbox.inMemory(clock, subscribers);
        this.auditTrail = pg != null ? pg.auditTrail() : AuditTrail.inMemory();
        this.timelineStore = pg != null ? pg.timelineStore() : TimelineStore.inMemory();
        // In memory, the recording store writes what PostgreSQL's writes in the request's transaction: the
        // audit chain, the timeline and the outbox (so webhooks are delivered in the embedded mode too).
        this.requestStore = pg != null
                ? pg.requestStore()
                : new RecordingRequestStore(RequestStore.inMemory(), auditTrail, timelineStore, outbox);
        this.procedureStore = pg != null ? pg.procedureStore() : ProcedureStore.inMemory();
        this.usagerStore = pg != null ? pg.usagerStore() : UsagerStore.inMemory();
        this.mandateStore = pg != null ? pg.mandateStore() : MandateStore.inMemory();
        this.teamDirectory = pg != null ? pg.teamDirectory() : TeamDirectory.inMemory();
        this.exchangeStore = pg != null ? pg.exchangeStore() : ExchangeStore.inMemory();
        this.consentLedger = pg != null ? pg.consentLedger() : ConsentLedger.inMemory();
    }

    /** The adapters for {@code storage}; {@code subscribers} are the outbox's delivery targets. */
    public static CorePersistence of(GruStorage storage, Clock clock, Set<String> subscribers) {
        return of(storage, clock, subscribers, List.of());
    }

    /**
     * The adapters for {@code storage}, the relay also delivering from other modules' event logs on
     * PostgreSQL (gru-scheduling's bookings, reservations and registrations: {@code
     * SchedulingSchema.bookingEventLog()}, {@code itemEventLogs()}); in memory those
     * modules publish their events themselves, and {@code eventLogs} is not used.
     */
    public static CorePersistence of(
            GruStorage storage, Clock clock, Set<String> subscribers, List<EventLogTables> eventLogs) {
        return of(
                storage,
                clock,
                subscribers,
                eventLogs,
                PostgresPersistence.DEFAULT_MAX_BATCH,
                PostgresPersistence.DEFAULT_IN_FLIGHT);
    }

    /**
     * The adapters for {@code storage}, as {@link #of(GruStorage, Clock, Set, List)}, with the group commit
     * of new requests on PostgreSQL ({@code PostgresPersistence.Builder#submissionBatching}).
     */
    public static CorePersistence of(
            GruStorage storage,
            Clock clock,
            Set<String> subscribers,
            List<EventLogTables> eventLogs,
            int maxBatch,
            int inFlight) {
        PostgresPersistence pg = null;
        if (storage.isJdbc()) {
            PostgresPersistence.Builder b = PostgresPersistence.builder(
                            storage.dataSource().orElseThrow(), clock)
                    .outboxSubscribers(subscribers)
                    .submissionBatching(maxBatch, inFlight);
            eventLogs.forEach(b::eventLog);
            pg = b.build();
        }
        return new CorePersistence(pg, clock, subscribers);
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

    public ProcedureStore procedureStore() {
        return procedureStore;
    }

    public UsagerStore usagerStore() {
        return usagerStore;
    }

    public MandateStore mandateStore() {
        return mandateStore;
    }

    public TeamDirectory teamDirectory() {
        return teamDirectory;
    }

    public ExchangeStore exchangeStore() {
        return exchangeStore;
    }

    public ConsentLedger consentLedger() {
        return consentLedger;
    }
}
