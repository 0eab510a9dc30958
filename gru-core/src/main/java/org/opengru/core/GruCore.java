package org.opengru.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.acknowledgment.AcknowledgmentSettings;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.deadline.DeadlineCalculator;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.request.DeadlineSweeper;
import org.opengru.core.request.RequestAccessPolicy;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;

/**
 * gru-core wired together: the services over the stores, one clock, one id generator and one event bus.
 * Every store defaults to its in-memory implementation; pass the PostgreSQL adapters (or your own) to the
 * builder instead. Instance-scoped: several installations may live in one JVM.
 *
 * <pre>{@code
 * GruCore core = GruCore.builder().clock(Clock.systemUTC()).build();
 * core.procedures().define(tenant, procedure);
 * Request draft = core.requests().create(usager, NewRequest.of("inscription-cantine", child, Channel.WEB, data), null);
 * }</pre>
 */
public final class GruCore {

    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEvents events;
    private final RequestStore requestStore;
    private final ProcedureStore procedures;
    private final UsagerStore usagers;
    private final MandateStore mandates;
    private final TeamDirectory teams;
    private final ExchangeStore exchangeStore;
    private final RequestAccessPolicy accessPolicy;
    private final RequestService requests;
    private final ExchangeService exchanges;
    private final DeadlineSweeper sweeper;

    private GruCore(Builder b) {
        this.clock = Objects.requireNonNull(b.clock, "clock: GruCore needs an explicit Clock");
        this.ids = new IdGenerator(clock, b.random != null ? b.random : new SecureRandom());
        this.events = new DomainEvents();
        this.requestStore = b.requestStore != null ? b.requestStore : RequestStore.inMemory();
        this.procedures = b.procedures != null ? b.procedures : ProcedureStore.inMemory();
        this.usagers = b.usagers != null ? b.usagers : UsagerStore.inMemory();
        this.mandates = b.mandates != null ? b.mandates : MandateStore.inMemory();
        this.teams = b.teams != null ? b.teams : TeamDirectory.inMemory();
        this.exchangeStore = b.exchangeStore != null ? b.exchangeStore : ExchangeStore.inMemory();
        ReferenceSequence sequence = b.referenceSequence != null ? b.referenceSequence : ReferenceSequence.inMemory();
        Map<TenantId, AcknowledgmentSettings> settings = Map.copyOf(b.settings);
        Function<TenantId, AcknowledgmentSettings> settingsFor =
                t -> settings.getOrDefault(t, AcknowledgmentSettings.standard(t.value()));
        Representations representations = new Representations(usagers, mandates);
        this.accessPolicy = new RequestAccessPolicy(representations, clock);
        this.requests = RequestService.builder()
                .clock(clock)
                .ids(ids)
                .references(ReferenceGenerator.fromSequence(sequence))
                .store(requestStore)
                .procedures(procedures)
                .usagers(usagers)
                .representations(representations)
                .teams(teams)
                .acknowledgmentSettings(settingsFor)
                .deadlines(new DeadlineCalculator(b.zone))
                .publisher(events)
                .build();
        this.exchanges = new ExchangeService(requests, exchangeStore, clock, ids, events);
        this.sweeper = new DeadlineSweeper(requests, requestStore, clock);
    }

    /** Who may read and act on a request; other modules ask it before showing what hangs off a request. */
    public RequestAccessPolicy accessPolicy() {
        return accessPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    /** The event bus: subscribe listeners here; events arrive after each change is stored. */
    public DomainEvents events() {
        return events;
    }

    public RequestService requests() {
        return requests;
    }

    public ExchangeService exchanges() {
        return exchanges;
    }

    public DeadlineSweeper deadlineSweeper() {
        return sweeper;
    }

    public ProcedureStore procedures() {
        return procedures;
    }

    public UsagerStore usagers() {
        return usagers;
    }

    public MandateStore mandates() {
        return mandates;
    }

    public TeamDirectory teams() {
        return teams;
    }

    public RequestStore requestStore() {
        return requestStore;
    }

    public ExchangeStore exchangeStore() {
        return exchangeStore;
    }

    /** Wiring. Only the clock is required. */
    public static final class Builder {
        private @Nullable Clock clock;
        private @Nullable SecureRandom random;
        private @Nullable RequestStore requestStore;
        private @Nullable ProcedureStore procedures;
        private @Nullable UsagerStore usagers;
        private @Nullable MandateStore mandates;
        private @Nullable TeamDirectory teams;
        private @Nullable ExchangeStore exchangeStore;
        private @Nullable ReferenceSequence referenceSequence;
        private ZoneId zone = DeadlineCalculator.PARIS;
        private final Map<TenantId, AcknowledgmentSettings> settings = new ConcurrentHashMap<>();

        private Builder() {}

        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder random(SecureRandom r) {
            random = r;
            return this;
        }

        public Builder requestStore(RequestStore s) {
            requestStore = s;
            return this;
        }

        public Builder procedureStore(ProcedureStore s) {
            procedures = s;
            return this;
        }

        public Builder usagerStore(UsagerStore s) {
            usagers = s;
            return this;
        }

        public Builder mandateStore(MandateStore s) {
            mandates = s;
            return this;
        }

        public Builder teamDirectory(TeamDirectory t) {
            teams = t;
            return this;
        }

        public Builder exchangeStore(ExchangeStore s) {
            exchangeStore = s;
            return this;
        }

        public Builder referenceSequence(ReferenceSequence s) {
            referenceSequence = s;
            return this;
        }

        /** The zone of deadlines and receipt dates (Europe/Paris by default; overseas communes differ). */
        public Builder zone(ZoneId z) {
            zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** A collectivité's acknowledgment settings (otherwise the standard template and generic appeal). */
        public Builder acknowledgmentSettings(TenantId tenant, AcknowledgmentSettings s) {
            settings.put(tenant, s);
            return this;
        }

        public GruCore build() {
            return new GruCore(this);
        }
    }
}
