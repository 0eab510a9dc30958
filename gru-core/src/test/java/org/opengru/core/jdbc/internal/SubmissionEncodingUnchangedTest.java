package org.opengru.core.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.acknowledgment.AppealInformation;
import org.opengru.core.acknowledgment.ServiceContact;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.intake.Intake;
import org.opengru.core.internal.IsoInstant;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.ComplementRequested;
import org.opengru.core.request.Decision;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.PendingComplement;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestCreated;
import org.opengru.core.request.RequestPayment;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStatusChanged;
import org.opengru.core.request.RequestSubmitted;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submission path writes its JSON and its chain with cheaper code (a store's own serializers for ids,
 * instants and form values, instants formatted by hand, details escaped in one pass): what it stores and
 * hashes must stay byte for byte what the former code wrote, or every chain written before would stop
 * verifying and every document would read differently. The former code is kept here as the oracle (a default
 * Jackson mapper, {@link Instant#toString()}, the former encodings), run on generated requests: accents,
 * emoji, control characters, long texts, empty optional fields, every status, instants of every precision.
 */
class SubmissionEncodingUnchangedTest {

    /** The former writer: a default mapper, as {@code PostgresRequestStore.JSON} is built. */
    private static final JsonMapper FORMER = JsonMapper.builder().build();

    private final RequestJson json = new RequestJson();

    @Test
    void aNewRequestsDocumentPayloadsAndChainAreThoseOfTheFormerCode() {
        qt().withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            RequestChange change = new Generated(new Random(seed)).change();
            NewRequestWriter.Rows rows = NewRequestWriter.Rows.of(change, json);

            assertThat(rows.document).isEqualTo(FORMER.writeValueAsString(change.request()));
            List<String> payloads = formerPayloads(change);
            assertThat(rows.payloads).isEqualTo(payloads);
            String previous = AuditHashes.GENESIS;
            for (int i = 0; i < change.history().size(); i++) {
                AuditRecord a = PostgresRequestStore.auditRecord(
                        change.request(), change.history().get(i), payloads.get(i));
                previous = formerEntryHash(a, i, previous);
                assertThat(rows.hashes.get(i)).isEqualTo(previous);
                assertThat(PostgresRequestStore.detailsJson(a.details())).isEqualTo(formerDetailsJson(a.details()));
                assertThat(AuditHashes.prefix(a) + "|" + AuditHashes.suffix(a))
                        .isEqualTo(formerPrefix(a) + "|" + formerSuffix(a));
            }
            assertThat(rows.head).isEqualTo(previous);
            // And the document reads back through the store's reader as through the former one.
            assertThat(json.request(rows.document)).isEqualTo(FORMER.readValue(rows.document, Request.class));
        });
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        qt().withExamples(5000)
                .forAll(
                        longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        integers().between(0, 999_999_999),
                        integers().between(0, 3))
                .checkAssert((second, nano, precision) -> {
                    Instant at = Instant.ofEpochSecond(
                            second % 4 == 0 ? second : second % 300_000_000_000L, shape(nano, precision));
                    assertThat(IsoInstant.format(at)).isEqualTo(at.toString());
                });
        for (Instant edge : List.of(
                Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59.100Z"),
                Instant.parse("+10000-01-01T00:00:00.000001Z"),
                Instant.parse("2024-02-29T12:00:00.120Z"),
                Instant.parse("2026-12-06T19:00:00.123400Z"))) {
            assertThat(IsoInstant.format(edge)).isEqualTo(edge.toString());
        }
    }

    /** A nano-of-second with 0, 3, 6 or 9 significant digits (ISO_INSTANT writes them in groups of three). */
    private static int shape(int nano, int precision) {
        return switch (precision) {
            case 0 -> 0;
            case 1 -> nano / 1_000_000 * 1_000_000;
            case 2 -> nano / 1000 * 1000;
            default -> nano;
        };
    }

    @Test
    void detailsAreEscapedAsBefore() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            Map<String, String> details = new TreeMap<>();
            details.put("reasonSha256", Generated.text(rnd, 80));
            details.put("to", Generated.text(rnd, 10));
            details.put("from", "");
            assertThat(PostgresRequestStore.detailsJson(details)).isEqualTo(formerDetailsJson(details));
        });
    }

    // ---- The former code, kept as the oracle ----

    /** {@code PostgresRequestStore.eventPayloads} before: the reason and the events through the default mapper. */
    private static List<String> formerPayloads(RequestChange change) {
        List<String> out = new ArrayList<>();
        List<HistoryEntry> history = change.history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            boolean last = i == history.size() - 1;
            if (h.reason() == null && (!last || change.events().isEmpty())) {
                out.add("{}");
                continue;
            }
            StringBuilder sb = new StringBuilder(256).append('{');
            if (h.reason() != null) {
                sb.append("\"reason\":").append(FORMER.writeValueAsString(h.reason()));
            }
            if (last && !change.events().isEmpty()) {
                StringBuilder events = new StringBuilder(256).append("{\"events\":[");
                for (int e = 0; e < change.events().size(); e++) {
                    DomainEvent event = change.events().get(e);
                    events.append(e > 0 ? "," : "").append("{\"type\":");
                    formerJsonString(events, event.type())
                            .append(",\"event\":")
                            .append(FORMER.writeValueAsString(event))
                            .append('}');
                }
                String text = events.append("]}").toString();
                sb.append(h.reason() != null ? "," : "").append(text, 1, text.length() - 1);
            }
            out.add(sb.append('}').toString());
        }
        return out;
    }

    private static String formerEntryHash(AuditRecord r, long position, String previousHash) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(formerPrefix(r));
        field(sb, Long.toString(position));
        sb.append(formerSuffix(r));
        field(sb, previousHash);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formerPrefix(AuditRecord r) {
        StringBuilder sb = new StringBuilder(96);
        field(sb, "gru-audit-v1");
        field(sb, r.tenant().value());
        field(sb, r.requestId().toString());
        return sb.toString();
    }

    private static String formerSuffix(AuditRecord r) {
        StringBuilder sb = new StringBuilder(192);
        field(sb, r.occurredAt().toString());
        field(sb, r.actor().toString());
        field(sb, r.action());
        field(sb, r.channel());
        field(sb, Integer.toString(r.details().size()));
        for (Map.Entry<String, String> e : r.details().entrySet()) {
            field(sb, e.getKey());
            field(sb, e.getValue());
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }

    private static String formerDetailsJson(Map<String, String> details) {
        StringBuilder sb = new StringBuilder().append('{');
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            formerJsonString(sb, e.getKey()).append(':');
            formerJsonString(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static StringBuilder formerJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    // ---- Generated requests ----

    /** One generated new request (expected version 0) with its history, events and key, from a seed. */
    private static final class Generated {
        private static final String[] PIECES = {
            "",
            "a",
            "Zoé",
            "Ærøskøbing",
            "œuvre",
            "Éloïse Dupré-Müller",
            "😀",
            "🏛️ mairie",
            "\"quoted\"",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "\u0001\u0008\u000c\u001f",
            "</script>",
            "l'été",
            "Ⅻ",
            "中文",
            "\u00a0nbsp",
            "\ud83d\ude00x"
        };

        private final Random rnd;
        private final TenantId tenant;
        private final RequestId id;
        private final ShortReference reference;

        Generated(Random rnd) {
            this.rnd = rnd;
            this.tenant = TenantId.of("commune-" + Integer.toString(rnd.nextInt(1 << 20), 36));
            this.id = RequestId.of(new UUID(rnd.nextLong(), rnd.nextLong()));
            this.reference = ReferenceGenerator.fromSequence(ReferenceSequence.inMemory())
                    .next(tenant);
        }

        static String text(Random rnd, int max) {
            StringBuilder sb = new StringBuilder();
            int parts = rnd.nextInt(6);
            for (int i = 0; i < parts && sb.length() < max; i++) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
                if (rnd.nextInt(8) == 0) {
                    sb.appendCodePoint(rnd.nextInt(0xD7FF));
                }
            }
            if (rnd.nextInt(20) == 0) {
                sb.append("Très long texte. ".repeat(rnd.nextInt(400)));
            }
            return sb.toString();
        }

        /** Text that is not blank (for fields that refuse a blank one), at most {@code max} characters. */
        String words(int max) {
            String t = text(rnd, max).strip();
            t = t.isBlank() ? "Mairie de Saint-Étienne" : t;
            return t.length() > max ? t.substring(0, max - 1).strip() + "x" : t;
        }

        Instant instant() {
            long second = 1_500_000_000L + rnd.nextInt(1_000_000_000);
            int nano = rnd.nextInt(1_000_000_000);
            return Instant.ofEpochSecond(second, shape(nano, rnd.nextInt(4)));
        }

        <T> @Nullable T maybe(T value) {
            return rnd.nextBoolean() ? value : null;
        }

        <T> T one(T[] values) {
            return values[rnd.nextInt(values.length)];
        }

        ActorRef actor() {
            return new ActorRef(one(ActorKind.values()), words(100));
        }

        Object formValue(int depth) {
            return switch (rnd.nextInt(depth >= 2 ? 6 : 8)) {
                case 0 -> text(rnd, 200);
                case 1 -> rnd.nextBoolean();
                case 2 -> rnd.nextInt();
                case 3 -> BigDecimal.valueOf(rnd.nextLong(), rnd.nextInt(12) - 3);
                case 4 -> rnd.nextDouble() * 1e6;
                case 5 -> LocalDate.ofEpochDay(rnd.nextInt(40_000));
                case 6 -> {
                    List<Object> list = new ArrayList<>();
                    for (int i = rnd.nextInt(4); i > 0; i--) {
                        Object v = formValue(depth + 1);
                        list.add(v instanceof List ? "item" : v);
                    }
                    yield list;
                }
                default -> form(depth + 1);
            };
        }

        Map<String, Object> form(int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = rnd.nextInt(depth == 0 ? 8 : 4); i > 0; i--) {
                m.put("f" + rnd.nextInt(100) + words(20), formValue(depth));
            }
            return m;
        }

        Acknowledgment acknowledgment(Instant receivedAt) {
            ImplicitDecision implicit = one(ImplicitDecision.values());
            boolean incomplete = rnd.nextBoolean();
            return new Acknowledgment(
                    id,
                    tenant,
                    reference,
                    words(300),
                    new ProcedureRef(ProcedureCode.of("inscription-cantine"), 1),
                    words(300),
                    receivedAt,
                    ZoneId.of("Europe/Paris"),
                    new ServiceContact(
                            words(200),
                            PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                            EmailAddress.parse("voirie@mairie.example.fr"),
                            PhoneNumber.parse("04 78 03 67 67")),
                    implicit,
                    implicit == ImplicitDecision.NONE && rnd.nextBoolean()
                            ? null
                            : new DecisionPeriod(1 + rnd.nextInt(12), one(DecisionPeriod.Unit.values())),
                    incomplete && rnd.nextBoolean() ? null : LocalDate.ofEpochDay(20_000 + rnd.nextInt(1000)),
                    implicit == ImplicitDecision.REJECTION || rnd.nextBoolean()
                            ? new AppealInformation(words(300), words(300), maybe(words(300)))
                            : null,
                    incomplete ? List.of(words(50), words(50)) : List.of(),
                    incomplete ? LocalDate.ofEpochDay(20_000 + rnd.nextInt(1000)) : null,
                    text(rnd, 3000),
                    text(rnd, 3000));
        }

        Request request(RequestStatus status, int version) {
            UsagerId applicant = UsagerId.of(new UUID(rnd.nextLong(), rnd.nextLong()));
            Instant created = instant();
            Instant updated = rnd.nextBoolean() ? created : instant();
            boolean received = !(status == RequestStatus.DRAFT
                    || status == RequestStatus.AWAITING_PAYMENT
                    || status == RequestStatus.WITHDRAWN);
            Instant receivedAt = received ? instant() : null;
            RequestPayment.Status paid = one(RequestPayment.Status.values());
            RequestPayment payment = status == RequestStatus.AWAITING_PAYMENT || rnd.nextBoolean()
                    ? new RequestPayment(
                            1 + rnd.nextInt(100_000),
                            words(100),
                            instant(),
                            paid,
                            paid == RequestPayment.Status.PAID ? words(40) : null,
                            paid == RequestPayment.Status.PAID ? instant() : null)
                    : null;
            List<ProvidedPiece> pieces = new ArrayList<>();
            for (int i = rnd.nextInt(3); i > 0; i--) {
                pieces.add(new ProvidedPiece(DocumentTypeCode.of("justificatif-domicile"), words(60)));
            }
            boolean suspended = rnd.nextBoolean();
            return new Request(
                    id,
                    tenant,
                    reference,
                    new ProcedureRef(
                            ProcedureCode.of(one(new String[] {"inscription-cantine", "autorisation-terrasse"})),
                            1 + rnd.nextInt(9)),
                    TeamId.of(one(new String[] {"enfance", "voirie"})),
                    applicant,
                    maybe(UsagerId.of(new UUID(rnd.nextLong(), rnd.nextLong()))),
                    actor(),
                    rnd.nextBoolean()
                            ? Intake.selfService(one(new Channel[] {Channel.WEB, Channel.EMAIL, Channel.MOBILE_APP}))
                            : Intake.keyedBy(Channel.COUNTER, AgentId.of("jdupont")),
                    status,
                    FormData.of(form(0)),
                    pieces,
                    version,
                    created,
                    updated,
                    receivedAt,
                    rnd.nextBoolean()
                            ? null
                            : new ImplicitDeadline(
                                    rnd.nextBoolean() ? ImplicitDecision.ACCEPTANCE : ImplicitDecision.REJECTION,
                                    LocalDate.ofEpochDay(20_000 + rnd.nextInt(1000)),
                                    instant(),
                                    suspended ? LocalDate.ofEpochDay(20_000 + rnd.nextInt(1000)) : null,
                                    false,
                                    suspended && rnd.nextBoolean() ? LocalDate.ofEpochDay(21_000) : null),
                    status == RequestStatus.AWAITING_COMPLEMENT
                            ? new PendingComplement(
                                    words(2000), List.of(words(50)), LocalDate.ofEpochDay(20_500), instant())
                            : null,
                    status.decided()
                            ? new Decision(status, rnd.nextBoolean(), maybe(text(rnd, 500)), instant(), actor())
                            : null,
                    received && rnd.nextBoolean() ? acknowledgment(receivedAt) : null,
                    maybe(AgentId.of("agent-" + rnd.nextInt(50))),
                    payment);
        }

        /** Any action but CREATE, which only the first entry has. */
        RequestAction laterAction() {
            RequestAction a = one(RequestAction.values());
            return a == RequestAction.CREATE ? RequestAction.SUBMIT : a;
        }

        RequestChange change() {
            RequestStatus status = one(RequestStatus.values());
            int steps = 1 + rnd.nextInt(3);
            Request r = request(status, steps);
            List<HistoryEntry> history = new ArrayList<>();
            RequestStatus from = null;
            for (int i = 1; i <= steps; i++) {
                RequestStatus to = i == steps ? status : one(RequestStatus.values());
                history.add(new HistoryEntry(
                        id,
                        i,
                        instant(),
                        actor(),
                        one(Channel.values()),
                        i == 1 ? RequestAction.CREATE : laterAction(),
                        from,
                        to,
                        rnd.nextBoolean() ? null : text(rnd, 2000),
                        rnd.nextBoolean()));
                from = to;
            }
            List<DomainEvent> events = new ArrayList<>();
            for (int i = rnd.nextInt(4); i > 0; i--) {
                EventId eventId = EventId.of(new UUID(rnd.nextLong(), rnd.nextLong()));
                events.add(
                        switch (rnd.nextInt(4)) {
                            case 0 ->
                                new RequestCreated(
                                        eventId,
                                        tenant,
                                        instant(),
                                        id,
                                        steps,
                                        reference,
                                        r.procedure(),
                                        r.applicant(),
                                        one(Channel.values()));
                            case 1 ->
                                new RequestSubmitted(
                                        eventId,
                                        tenant,
                                        instant(),
                                        id,
                                        steps,
                                        reference,
                                        r.procedure(),
                                        instant(),
                                        rnd.nextBoolean(),
                                        maybe(instant()));
                            case 2 ->
                                new ComplementRequested(
                                        eventId,
                                        tenant,
                                        instant(),
                                        id,
                                        steps,
                                        List.of(words(50)),
                                        LocalDate.ofEpochDay(20_100));
                            default ->
                                new RequestStatusChanged(
                                        eventId,
                                        tenant,
                                        instant(),
                                        id,
                                        steps,
                                        one(RequestStatus.values()),
                                        status,
                                        one(RequestAction.values()),
                                        actor(),
                                        rnd.nextBoolean());
                        });
            }
            IdempotencyRecord key = rnd.nextBoolean()
                    ? null
                    : new IdempotencyRecord(
                            tenant,
                            IdempotencyKey.of("create-" + rnd.nextInt()),
                            "CREATE:" + words(40),
                            id,
                            steps,
                            instant());
            return new RequestChange(r, 0, history, events, key);
        }
    }
}
