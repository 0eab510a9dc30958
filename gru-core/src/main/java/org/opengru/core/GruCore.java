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
        Function<TenantId, AcknowledgmentSettings> standard = AcknowledgmentSettings.standardForEach();
        Function<TenantId, AcknowledgmentSettings> settingsFor = t -> {
            AcknowledgmentSettings own = settings.get(t);
            return own != null ? own : standard.apply(t);
        };
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

    /**
     * Who may read and act on a request; other modules ask it before showing what hangs off a request.
     *
     * @return the access policy shared by the request and exchange services
     */
    public RequestAccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /**
     * Starts the wiring; only {@link Builder#clock(Clock)} is required, every store defaults to memory.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The one clock of this installation: receipt dates, deadlines and audit times all read it.
     *
     * @return the clock given to the builder
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Identifiers of requests, events and messages (time-ordered UUIDs drawn from the clock).
     *
     * @return the id generator other modules share with gru-core
     */
    public IdGenerator ids() {
        return ids;
    }

    /**
     * The event bus: subscribe listeners here; events arrive after each change is stored.
     *
     * @return the in-process event bus
     */
    public DomainEvents events() {
        return events;
    }

    /**
     * The démarches' lifecycle: create, submit, instruct and decide requests (the dossiers of usagers).
     *
     * @return the request service
     */
    public RequestService requests() {
        return requests;
    }

    /**
     * The messages between a usager and the services about one request (the échanges of the dossier).
     *
     * @return the exchange service
     */
    public ExchangeService exchanges() {
        return exchanges;
    }

    /**
     * Applies what the clock decides on its own: implicit decisions (SVA/SVR) and lapsed deadlines. Run it from a
     * periodic job.
     *
     * @return the deadline sweeper
     */
    public DeadlineSweeper deadlineSweeper() {
        return sweeper;
    }

    /**
     * The catalogue of démarches each collectivité offers, with their versions.
     *
     * @return the procedure store given to the builder (in memory by default)
     */
    public ProcedureStore procedures() {
        return procedures;
    }

    /**
     * The usagers (residents and organisations) known to the collectivité.
     *
     * @return the usager store given to the builder (in memory by default)
     */
    public UsagerStore usagers() {
        return usagers;
    }

    /**
     * Mandates: who may act for whom (a parent for a child, a carer under a mandat).
     *
     * @return the mandate store given to the builder (in memory by default)
     */
    public MandateStore mandates() {
        return mandates;
    }

    /**
     * The services (équipes) requests are routed to, and their agents.
     *
     * @return the team directory given to the builder (in memory by default)
     */
    public TeamDirectory teams() {
        return teams;
    }

    /**
     * The requests' storage, for reads the services do not offer (back-office lists, exports).
     *
     * @return the request store given to the builder (in memory by default)
     */
    public RequestStore requestStore() {
        return requestStore;
    }

    /**
     * The exchanges' storage.
     *
     * @return the exchange store given to the builder (in memory by default)
     */
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

        /**
         * The clock of the installation; required.
         *
         * @param c the clock ({@code Clock.systemUTC()} in production, a fixed or mutable clock in tests)
         * @return this builder
         */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The source of randomness of the ids; a new {@link SecureRandom} unless set.
         *
         * @param r the random source
         * @return this builder
         */
        public Builder random(SecureRandom r) {
            random = r;
            return this;
        }

        /**
         * Where requests are kept; in memory unless set.
         *
         * @param s the store ({@code PostgresPersistence.requestStore()} on PostgreSQL)
         * @return this builder
         */
        public Builder requestStore(RequestStore s) {
            requestStore = s;
            return this;
        }

        /**
         * Where the catalogue of démarches is kept; in memory unless set.
         *
         * @param s the store
         * @return this builder
         */
        public Builder procedureStore(ProcedureStore s) {
            procedures = s;
            return this;
        }

        /**
         * Where usagers are kept; in memory unless set.
         *
         * @param s the store
         * @return this builder
         */
        public Builder usagerStore(UsagerStore s) {
            usagers = s;
            return this;
        }

        /**
         * Where mandates are kept; in memory unless set.
         *
         * @param s the store
         * @return this builder
         */
        public Builder mandateStore(MandateStore s) {
            mandates = s;
            return this;
        }

        /**
         * Where teams and their agents are kept; in memory unless set.
         *
         * @param t the directory
         * @return this builder
         */
        public Builder teamDirectory(TeamDirectory t) {
            teams = t;
            return this;
        }

        /**
         * Where exchanges are kept; in memory unless set.
         *
         * @param s the store
         * @return this builder
         */
        public Builder exchangeStore(ExchangeStore s) {
            exchangeStore = s;
            return this;
        }

        /**
         * Where the numbers of the requests' public references come from; in memory unless set (on several nodes,
         * use a database sequence so that two nodes never hand out the same reference).
         *
         * @param s the sequence
         * @return this builder
         */
        public Builder referenceSequence(ReferenceSequence s) {
            referenceSequence = s;
            return this;
        }

        /**
         * The zone of deadlines and receipt dates (Europe/Paris by default; overseas communes differ).
         *
         * @param z the commune's zone (for example {@code America/Cayenne} in Guyane)
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * A collectivité's acknowledgment settings (otherwise the standard template and generic appeal).
         *
         * @param tenant the collectivité
         * @param s its template, signatory and appeal mentions
         * @return this builder
         */
        public Builder acknowledgmentSettings(TenantId tenant, AcknowledgmentSettings s) {
            settings.put(tenant, s);
            return this;
        }

        /**
         * Wires the services over the stores.
         *
         * @return the installation
         * @throws NullPointerException when no clock was given
         */
        public GruCore build() {
            return new GruCore(this);
        }
    }
}
