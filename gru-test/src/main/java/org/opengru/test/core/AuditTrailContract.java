package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** The contract of the {@link AuditTrail} port. Extend it with your adapter's factory. */
public abstract class AuditTrailContract {

    protected static final TenantId TENANT = TenantId.of("commune-contract");
    protected static final TenantId OTHER_TENANT = TenantId.of("commune-other");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456789Z");

    /** The trail under test (may be shared between tests: they use fresh request ids). */
    protected abstract AuditTrail auditTrail();

    protected static AuditRecord record(TenantId tenant, RequestId request, int i) {
        return new AuditRecord(
                tenant,
                request,
                i % 2 == 0
                        ? new ActorRef(ActorKind.USAGER, UUID.randomUUID().toString())
                        : new ActorRef(ActorKind.AGENT, "jdupont"),
                i == 0 ? "submit" : "status:IN_REVIEW",
                "WEB",
                T0.plus(Duration.ofMinutes(i)),
                Map.of("step", Integer.toString(i), "dataHash", AuditHashes.sha256("data" + i)));
    }

    protected List<AuditEntry> appendChain(RequestId request, int n) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(auditTrail().append(record(TENANT, request, i)));
        }
        return entries;
    }

    @Test
    void appendsAChainFromTheGenesisHash() {
        RequestId request = RequestId.of(UUID.randomUUID());
        List<AuditEntry> appended = appendChain(request, 3);

        assertThat(appended).extracting(AuditEntry::position).containsExactly(0L, 1L, 2L);
        assertThat(appended.get(0).previousHash()).isEqualTo(AuditHashes.GENESIS);
        assertThat(appended.get(1).previousHash()).isEqualTo(appended.get(0).hash());
        assertThat(appended.get(2).previousHash()).isEqualTo(appended.get(1).hash());
        assertThat(appended).allSatisfy(e -> assertThat(e.selfConsistent()).isTrue());

        AuditVerification v = auditTrail().verify(TENANT, request);
        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.headHash()).isEqualTo(appended.get(2).hash());
    }

    @Test
    void readsBackExactlyWhatWasAppended() {
        RequestId request = RequestId.of(UUID.randomUUID());
        List<AuditEntry> appended = appendChain(request, 2);

        assertThat(auditTrail().entries(TENANT, request)).containsExactlyElementsOf(appended);
        assertThat(appended.get(0).record().occurredAt())
                .as("stored to the microsecond, like PostgreSQL")
                .isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
    }

    @Test
    void chainsAreSeparatePerRequestAndPerCollectivite() {
        RequestId a = RequestId.of(UUID.randomUUID());
        RequestId b = RequestId.of(UUID.randomUUID());
        auditTrail().append(record(TENANT, a, 0));
        AuditEntry firstOfB = auditTrail().append(record(TENANT, b, 0));
        AuditEntry otherTenant = auditTrail().append(record(OTHER_TENANT, a, 0));

        assertThat(firstOfB.position()).isZero();
        assertThat(otherTenant.position()).isZero();
        assertThat(auditTrail().entries(TENANT, a)).hasSize(1);
        assertThat(auditTrail().entries(OTHER_TENANT, a)).containsExactly(otherTenant);
        assertThat(auditTrail().entries(OTHER_TENANT, b)).isEmpty();
    }

    @Test
    void concurrentAppendsToOneRequestFormOneValidChain() throws Exception {
        RequestId request = RequestId.of(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        auditTrail().append(record(TENANT, request, thread * 10 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> entries = auditTrail().entries(TENANT, request);
        assertThat(entries).hasSize(60);
        assertThat(auditTrail().verify(TENANT, request).valid()).isTrue();
    }

    /** The tampering checks, over a chain as an attacker with write access could leave it. */
    @Test
    void verifyDetectsAnEditedADeletedAndASwappedEntry() {
        RequestId request = RequestId.of(UUID.randomUUID());
        appendChain(request, 5);
        List<AuditEntry> stored = auditTrail().entries(TENANT, request);
        assertTamperingDetected(request, stored, chain -> AuditTrail.verify(request, chain));
    }

    /**
     * Asserts that {@code verifier} accepts the intact chain and refuses an edited, a deleted and a swapped
     * entry. Public so that a test can show it fails against a deliberately weak verifier.
     */
    public static void assertTamperingDetected(
            RequestId request, List<AuditEntry> intact, Function<List<AuditEntry>, AuditVerification> verifier) {
        assertThat(intact).hasSizeGreaterThanOrEqualTo(4);
        assertThat(verifier.apply(intact).valid()).as("intact chain").isTrue();

        List<AuditEntry> edited = new ArrayList<>(intact);
        AuditEntry victim = edited.get(2);
        AuditRecord r = victim.record();
        edited.set(
                2,
                new AuditEntry(
                        new AuditRecord(
                                r.tenant(),
                                r.requestId(),
                                new ActorRef(ActorKind.AGENT, "someone-else"),
                                r.action(),
                                r.channel(),
                                r.occurredAt(),
                                r.details()),
                        victim.position(),
                        victim.previousHash(),
                        victim.hash()));
        AuditVerification v = verifier.apply(edited);
        assertThat(v.valid()).as("edited entry detected").isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);

        List<AuditEntry> deleted = new ArrayList<>(intact);
        deleted.remove(1);
        v = verifier.apply(deleted);
        assertThat(v.valid()).as("deleted entry detected").isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);

        List<AuditEntry> swapped = new ArrayList<>(intact);
        swapped.set(1, intact.get(2));
        swapped.set(2, intact.get(1));
        v = verifier.apply(swapped);
        assertThat(v.valid()).as("swapped pair detected").isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);
    }
}
