package org.opengru.benchmarks.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.opengru.benchmarks.Bench;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecisionRule;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.intake.Intake;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * {@code core.transitions_per_s}: in-memory create→submit→review→accept cycles per second on one thread,
 * through the whole service (access policy, lifecycle table, schema validation, deadline, acknowledgment
 * rendering, one atomic store write and event publication per command). The baseline, measured in the
 * same run, writes the same four states straight into the in-memory store with no lifecycle:
 * {@code core.transitions_ratio_to_store_writes} is what the domain logic costs on top of storage.
 * Warm-up, then five alternating timed rounds of each (medians, and the median of the per-round ratios);
 * a fresh installation every batch bounds the heap.
 */
public final class CoreBenchmarks implements Bench.Suite {

    private static final TenantId TENANT = TenantId.of("bench-commune");
    private static final int BATCH = 5_000;
    private static final Duration WARM_UP = Duration.ofSeconds(4);
    private static final Duration ROUND = Duration.ofSeconds(2);
    private static final int ROUNDS = 5;

    @Override
    public String name() {
        return "core";
    }

    @Override
    public void run(Bench bench) {
        // The machine is shared: rounds of the two workloads alternate so that both see the same load, and
        // the ratio is taken round by round.
        warmUp(this::lifecycleBatch);
        warmUp(this::storeBatch);
        double[] cycles = new double[ROUNDS];
        double[] raw = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            cycles[r] = round(this::lifecycleBatch);
            raw[r] = round(this::storeBatch);
            ratios[r] = cycles[r] / raw[r];
        }
        System.err.printf("service rounds: %s%nstore rounds: %s%n", Arrays.toString(cycles), Arrays.toString(raw));
        bench.report("core.transitions_per_s", median(cycles), "cycles/s");
        bench.report("core.commands_per_s", median(cycles) * 4, "commands/s");
        bench.report("core.store_writes_baseline_per_s", median(raw), "cycles/s");
        bench.report("core.transitions_ratio_to_store_writes", median(ratios), "ratio");
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static void warmUp(LongUnaryOperator batch) {
        long sink = 0;
        long end = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < end) {
            sink += batch.applyAsLong(BATCH);
        }
        if (sink == 42) {
            System.err.println("(sink)");
        }
    }

    /** One timed round: whole batches for about ROUND; the rate in cycles per second of batch time. */
    private static double round(LongUnaryOperator batch) {
        long sink = 0;
        long done = 0;
        long busy = 0;
        long roundEnd = System.nanoTime() + ROUND.toNanos();
        while (System.nanoTime() < roundEnd) {
            System.gc();
            long t0 = System.nanoTime();
            sink += batch.applyAsLong(BATCH);
            busy += System.nanoTime() - t0;
            done += BATCH;
        }
        if (sink == 42) {
            System.err.println("(sink)");
        }
        return done / (busy / 1e9);
    }

    private static Procedure procedure() {
        return Procedure.builder("inscription-cantine", 1)
                .title("Inscription à la cantine scolaire")
                .fields(
                        FieldDefinition.of("childName", "Nom de l'enfant", FieldType.TEXT, true),
                        FieldDefinition.choice(
                                "regime", "Régime", FieldType.SINGLE_CHOICE, true, List.of("standard", "vegetarien")),
                        FieldDefinition.of("phone", "Téléphone", FieldType.PHONE, false))
                .pieces(RequiredPiece.of(DocumentTypeCode.of("justificatif-domicile"), "Justificatif de domicile"))
                .implicitDecision(ImplicitDecisionRule.acceptance(DecisionPeriod.TWO_MONTHS, ComplementEffect.RESTART))
                .team("scolaire")
                .build();
    }

    /** BATCH full cycles through the service, on a fresh installation. */
    private long lifecycleBatch(long n) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
        GruCore core = GruCore.builder().clock(clock).build();
        TeamId team = TeamId.of("scolaire");
        core.teams()
                .save(new Team(
                        TENANT,
                        team,
                        "Service scolaire",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("scolaire@mairie.fr"),
                        PhoneNumber.parse("04 78 00 00 00")));
        core.procedures().define(TENANT, procedure());
        UsagerId parent = core.ids().newUsagerId();
        core.usagers()
                .save(Person.declared(parent, TENANT, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        UsagerPrincipal usager = Principal.usager(TENANT, parent);
        AgentPrincipal agent = Principal.agent(TENANT, AgentId.of("agent"), Set.of(team));
        NewRequest form = NewRequest.of(
                        "inscription-cantine",
                        parent,
                        Channel.WEB,
                        FormData.of("childName", "Léo Martin", "regime", "standard", "phone", "06 12 34 56 78"))
                .withPieces(List.of(ProvidedPiece.of("justificatif-domicile", "doc-1")));
        long versions = 0;
        for (long i = 0; i < n; i++) {
            Request r = core.requests().create(usager, form, null);
            core.requests().submit(usager, r.id(), null);
            core.requests().startReview(agent, r.id(), null);
            versions += core.requests().accept(agent, r.id(), null).version();
        }
        return versions;
    }

    /** BATCH cycles of the same four states written straight to the store: no policy, no lifecycle. */
    private long storeBatch(long n) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
        RequestStore store = RequestStore.inMemory();
        org.opengru.core.id.IdGenerator ids = org.opengru.core.id.IdGenerator.create(clock);
        ReferenceGenerator refs = ReferenceGenerator.fromSequence(ReferenceSequence.inMemory());
        Procedure p = procedure();
        UsagerId parent = ids.newUsagerId();
        Principal usager = Principal.usager(TENANT, parent);
        Instant now = clock.instant();
        FormData data = FormData.of("childName", "Léo Martin", "regime", "standard", "phone", "+33612345678");
        List<RequestStatus> path = List.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW);
        long versions = 0;
        for (long i = 0; i < n; i++) {
            Request r = new Request(
                    ids.newRequestId(),
                    TENANT,
                    refs.next(TENANT),
                    p.ref(),
                    p.team(),
                    parent,
                    null,
                    usager.ref(),
                    Intake.selfService(Channel.WEB),
                    RequestStatus.DRAFT,
                    data,
                    List.of(),
                    1,
                    now,
                    now,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            store.apply(new RequestChange(
                    r, 0, List.of(entry(r, RequestAction.CREATE, null, usager, now)), List.of(), null));
            RequestStatus from = RequestStatus.DRAFT;
            List<RequestAction> actions = List.of(RequestAction.SUBMIT, RequestAction.START_REVIEW);
            for (int k = 0; k < path.size(); k++) {
                Request next = r.toBuilder()
                        .status(path.get(k))
                        .version(r.version() + 1)
                        .receivedAt(now)
                        .build();
                store.apply(new RequestChange(
                        next, r.version(), List.of(entry(next, actions.get(k), from, usager, now)), List.of(), null));
                from = next.status();
                r = next;
            }
            Request accepted = r.toBuilder()
                    .status(RequestStatus.ACCEPTED)
                    .version(r.version() + 1)
                    .decision(new org.opengru.core.request.Decision(
                            RequestStatus.ACCEPTED, false, null, now, usager.ref()))
                    .build();
            store.apply(new RequestChange(
                    accepted,
                    r.version(),
                    List.of(entry(accepted, RequestAction.ACCEPT, from, usager, now)),
                    new ArrayList<>(),
                    null));
            versions += accepted.version();
        }
        return versions;
    }

    private static HistoryEntry entry(
            Request r,
            RequestAction action,
            @org.jspecify.annotations.Nullable RequestStatus from,
            Principal by,
            Instant at) {
        return new HistoryEntry(
                r.id(), (int) r.version(), at, by.ref(), Channel.WEB, action, from, r.status(), null, false);
    }
}
