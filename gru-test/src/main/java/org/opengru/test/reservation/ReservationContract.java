package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.hold.PaymentOutcome;
import org.opengru.scheduling.reservation.DepositStatus;
import org.opengru.scheduling.reservation.OpeningRule;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRejectedException;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.scheduling.reservation.Tariff;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.test.MutableClock;

/**
 * What every reservation store must do, through the service: run it against each adapter with an empty
 * subclass. {@link #secondNode()} is another store on the same data (another node); the in-memory store
 * returns itself.
 */
public abstract class ReservationContract {

    public static final TenantId TENANT = TenantId.of("commune-69123");
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 1 March 2027, 09:00 in Paris. */
    public static final Instant T0 =
            ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant();

    public static final ReservableId HALL = ReservableId.of("salle-des-fetes");
    public static final TeamId ASSOCIATIONS = TeamId.of("vie-associative");
    public static final AgentPrincipal AGENT =
            Principal.agent(TENANT, AgentId.of("agent-1"), java.util.Set.of(ASSOCIATIONS));
    public static final String INSURANCE = "attestation-assurance";
    /** A room whose deposit is paid online with the price. */
    public static final ReservableId GYM = ReservableId.of("gymnase");

    protected final MutableClock clock = new MutableClock(T0);
    protected ReservationStore store;
    protected ReservationService service;
    protected UsagerStore usagers;

    protected abstract ReservationStore newStore();

    /** Another store on the same data, as a second node would have. */
    protected ReservationStore secondNode() {
        return store;
    }

    // tag::reservable[]
    public static Reservable hall() {
        return Reservable.builder(TENANT, HALL, "Salle des fêtes")
                .openingRule(new OpeningRule(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)))
                .durations(Duration.ofHours(2), Duration.ofDays(3))
                .tariff(UsagerCategory.RESIDENT, new Tariff(10_000, 0))
                .tariff(UsagerCategory.NON_RESIDENT, new Tariff(20_000, 5_000))
                .tariff(UsagerCategory.ASSOCIATION, Tariff.FREE)
                .depositCents(50_000)
                .requiredPiece(INSURANCE)
                .team(ASSOCIATIONS)
                .paymentHold(Duration.ofDays(2))
                .build();
    }
    // end::reservable[]

    /**
     * A room whose deposit (caution) the resident pays online with the price, as its rules say.
     *
     * @return the gymnasium
     */
    public static Reservable gym() {
        return Reservable.builder(TENANT, GYM, "Gymnase")
                .openingRule(new OpeningRule(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)))
                .durations(Duration.ofHours(2), Duration.ofDays(3))
                .tariff(UsagerCategory.RESIDENT, new Tariff(10_000, 0))
                .tariff(UsagerCategory.ASSOCIATION, Tariff.FREE)
                .depositCents(30_000)
                .depositInPayment()
                .team(ASSOCIATIONS)
                .build();
    }

    @BeforeEach
    void setUp() {
        store = newStore();
        usagers = UsagerStore.inMemory();
        service = service(store);
    }

    private ReservationService service(ReservationStore s) {
        return new ReservationService(
                s,
                List.of(hall(), gym()),
                new Representations(usagers, MandateStore.inMemory()),
                clock,
                IdGenerator.create(clock));
    }

    protected static UsagerId newUsager() {
        return UsagerId.of(UUID.randomUUID());
    }

    /** Local time in Paris, days after T0's date. */
    protected static Instant at(int days, int hour) {
        return ZonedDateTime.of(2027, 3, 1, hour, 0, 0, 0, PARIS).plusDays(days).toInstant();
    }

    protected static ReservationRequest request(UsagerId u, UsagerCategory category, Instant start, Instant end) {
        return new ReservationRequest(TENANT, HALL, u, category, start, end, Map.of(INSURANCE, "doc-" + u));
    }

    protected Reservation requested(UsagerId u, Instant start, Instant end) {
        return service.request(Principal.usager(TENANT, u), request(u, UsagerCategory.RESIDENT, start, end));
    }

    @Test
    void aReservationIsApprovedThenHeldUntilPaidThenConfirmed() {
        UsagerId u = newUsager();
        // tag::reserve[]
        Reservation asked = service.request(
                Principal.usager(TENANT, u),
                new ReservationRequest(
                        TENANT,
                        HALL,
                        u,
                        UsagerCategory.RESIDENT,
                        at(5, 10),
                        at(6, 18),
                        Map.of("attestation-assurance", "piece-2027-0042")));
        Reservation approved = service.approve(AGENT, asked.id()); // AWAITING_PAYMENT until the hold expires
        long due = approved.priceCents(); // what the payment module asks the resident to pay
        PaymentOutcome paid = service.confirmPayment(TENANT, asked.id(), "payfip-op-123");
        // end::reserve[]
        assertThat(asked.status()).isEqualTo(ReservationStatus.REQUESTED);
        assertThat(approved.status()).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        assertThat(approved.holdExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(due).isEqualTo(10_000);
        assertThat(approved.depositCents()).isEqualTo(50_000);
        assertThat(paid).isEqualTo(PaymentOutcome.ACCEPTED);
        assertThat(service.confirmPayment(TENANT, asked.id(), "payfip-op-123"))
                .as("the notification sent twice")
                .isEqualTo(PaymentOutcome.ALREADY_RECORDED);
        Reservation confirmed = service.find(TENANT, asked.id());
        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(confirmed.paymentReference()).isEqualTo("payfip-op-123");
        assertThat(service.trail(TENANT, asked.id()))
                .extracting(e -> e.action() + ":" + e.toStatus())
                .containsExactly("request:REQUESTED", "approve:AWAITING_PAYMENT", "confirm_payment:CONFIRMED");
        assertThat(confirmed.version()).isEqualTo(2);
    }

    @Test
    void anOverlappingPeriodIsRefusedAndAnAdjacentOneIsNot() {
        requested(newUsager(), at(5, 10), at(5, 18));
        UsagerId other = newUsager();
        assertThatThrownBy(() -> requested(other, at(5, 17), at(5, 20)))
                .isInstanceOfSatisfying(ReservationRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReservationRejectedException.Reason.PERIOD_TAKEN);
                    assertThat(e.field()).isEqualTo("start");
                });
        assertThat(store.ofUsager(TENANT, other)).isEmpty();
        assertThat(requested(other, at(5, 18), at(5, 21)).status()).isEqualTo(ReservationStatus.REQUESTED);
    }

    @Test
    void approvalWaitsForTheRequiredPieces() {
        UsagerId u = newUsager();
        Reservation r = service.request(
                Principal.usager(TENANT, u),
                new ReservationRequest(TENANT, HALL, u, UsagerCategory.RESIDENT, at(5, 10), at(5, 18), Map.of()));
        assertThat(r.missingPieces()).containsExactly(INSURANCE);
        assertThatThrownBy(() -> service.approve(AGENT, r.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PIECES_PROVIDED");
        service.providePiece(Principal.usager(TENANT, u), r.id(), INSURANCE, "piece-7");
        assertThat(service.approve(AGENT, r.id()).status()).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        assertThat(service.find(TENANT, r.id()).providedPieces()).containsEntry(INSURANCE, "piece-7");
    }

    @Test
    void nothingToPayConfirmsAtApproval() {
        UsagerId association = newUsager();
        Reservation r = service.request(
                Principal.usager(TENANT, association),
                request(association, UsagerCategory.ASSOCIATION, at(5, 10), at(5, 18)));
        assertThat(r.priceCents()).isZero();
        assertThat(service.approve(AGENT, r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    /**
     * Issue 23: a deposit paid online is counted in the amount paid, even when the tariff is free, received
     * with the payment, and given back through the comptable public (RETURN_DUE until an agent records it).
     */
    @Test
    void aDepositPaidOnlineIsCountedInTheAmountAndFollowedUntilReturned() {
        UsagerId association = newUsager();
        Reservation r = service.request(
                Principal.usager(TENANT, association),
                new ReservationRequest(
                        TENANT, GYM, association, UsagerCategory.ASSOCIATION, at(5, 10), at(5, 18), Map.of()));
        assertThat(r.priceCents()).isZero();
        assertThat(r.amountDueCents()).isEqualTo(30_000);
        assertThat(r.deposit()).isEqualTo(DepositStatus.DUE);
        Reservation approved = service.approve(AGENT, r.id());
        assertThat(approved.status()).as("the deposit is to pay").isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        assertThatThrownBy(() -> service.receiveDeposit(AGENT, r.id()))
                .as("received with the payment, not by hand")
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(service.confirmPayment(TENANT, r.id(), "op-gym-1")).isEqualTo(PaymentOutcome.ACCEPTED);
        assertThat(service.find(TENANT, r.id()).deposit()).isEqualTo(DepositStatus.HELD);
        assertThat(service.returnDeposit(AGENT, r.id()).deposit()).isEqualTo(DepositStatus.RETURN_DUE);
        Reservation returned = service.recordDepositReturned(AGENT, r.id(), "mandat-2027-17");
        assertThat(returned.deposit()).isEqualTo(DepositStatus.RETURNED);
        assertThat(returned.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(service.trail(TENANT, r.id()))
                .extracting(e -> e.action())
                .containsSubsequence("confirm_payment", "return_deposit", "record_deposit_returned");
    }

    /** A deposit taken apart is recorded received by an agent, and may be kept, with a reason. */
    @Test
    void aDepositTakenApartIsRecordedAndMayBeKept() {
        UsagerId u = newUsager();
        Reservation r =
                service.request(Principal.usager(TENANT, u), request(u, UsagerCategory.RESIDENT, at(5, 10), at(5, 18)));
        assertThat(r.amountDueCents()).as("the deposit is not in the payment").isEqualTo(r.priceCents());
        assertThatThrownBy(() -> service.returnDeposit(AGENT, r.id()))
                .as("nothing received yet")
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(service.receiveDeposit(AGENT, r.id()).deposit()).isEqualTo(DepositStatus.HELD);
        assertThatThrownBy(() -> service.keepDeposit(AGENT, r.id(), " "))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(service.keepDeposit(AGENT, r.id(), "Vitre brisée").deposit()).isEqualTo(DepositStatus.KEPT);
        assertThatThrownBy(() -> service.returnDeposit(AGENT, r.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> service.receiveDeposit(
                        Principal.agent(TENANT, AgentId.of("agent-9"), java.util.Set.of(TeamId.of("voirie"))), r.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** A paid reservation cancelled gives its deposit back with the rest of the payment. */
    @Test
    void aCancelledPaidReservationReturnsItsDepositWithTheRefund() {
        UsagerId u = newUsager();
        Reservation r = service.request(
                Principal.usager(TENANT, u),
                new ReservationRequest(TENANT, GYM, u, UsagerCategory.RESIDENT, at(5, 10), at(5, 18), Map.of()));
        assertThat(r.amountDueCents()).isEqualTo(40_000);
        service.approve(AGENT, r.id());
        service.confirmPayment(TENANT, r.id(), "op-gym-2");
        Reservation cancelled = service.cancel(Principal.usager(TENANT, u), r.id(), null);
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.REFUND_DUE);
        assertThat(cancelled.deposit()).isEqualTo(DepositStatus.RETURN_DUE);
        Reservation refunded = service.recordRefund(AGENT, r.id(), "mandat-2027-18");
        assertThat(refunded.status()).isEqualTo(ReservationStatus.REFUNDED);
        assertThat(refunded.deposit()).isEqualTo(DepositStatus.RETURNED);
    }

    @Test
    void aNonResidentPaysPerStartedDay() {
        UsagerId u = newUsager();
        Reservation r = service.request(
                Principal.usager(TENANT, u), request(u, UsagerCategory.NON_RESIDENT, at(5, 10), at(6, 11)));
        assertThat(r.priceCents()).isEqualTo(20_000 + 2 * 5_000);
    }

    @Test
    void aRejectionSaysWhyAndFreesThePeriod() {
        Reservation r = requested(newUsager(), at(5, 10), at(5, 18));
        Reservation rejected = service.reject(AGENT, r.id(), "salle en travaux ce jour-là");
        assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("salle en travaux ce jour-là");
        assertThat(requested(newUsager(), at(5, 10), at(5, 18)).status()).isEqualTo(ReservationStatus.REQUESTED);
    }

    @Test
    void aPaymentAfterTheHoldIsAcceptedWhileThePeriodIsFree() {
        Reservation r = requested(newUsager(), at(5, 10), at(5, 18));
        service.approve(AGENT, r.id());
        clock.advance(Duration.ofDays(3));
        assertThat(service.expireHolds(TENANT)).extracting(Reservation::id).containsExactly(r.id());
        assertThat(service.find(TENANT, r.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(service.confirmPayment(TENANT, r.id(), "op-late")).isEqualTo(PaymentOutcome.ACCEPTED_LATE);
        assertThat(service.find(TENANT, r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aPaymentAfterThePeriodWentToSomeoneElseIsDueForRefundNeverLost() {
        Reservation first = requested(newUsager(), at(5, 10), at(5, 18));
        service.approve(AGENT, first.id());
        clock.advance(Duration.ofDays(3));
        // Not reaped yet: the next request reaps it on its way.
        Reservation second = requested(newUsager(), at(5, 12), at(5, 20));
        assertThat(second.status()).isEqualTo(ReservationStatus.REQUESTED);
        assertThat(service.find(TENANT, first.id()).status()).isEqualTo(ReservationStatus.EXPIRED);

        assertThat(service.confirmPayment(TENANT, first.id(), "op-too-late")).isEqualTo(PaymentOutcome.REFUND_DUE);
        Reservation refund = service.find(TENANT, first.id());
        assertThat(refund.status()).isEqualTo(ReservationStatus.REFUND_DUE);
        assertThat(refund.paymentReference()).isEqualTo("op-too-late");
        assertThat(service.confirmPayment(TENANT, first.id(), "op-too-late"))
                .isEqualTo(PaymentOutcome.ALREADY_RECORDED);
        assertThat(service.recordRefund(AGENT, first.id(), "mandat-2027-118").status())
                .isEqualTo(ReservationStatus.REFUNDED);
        assertThat(service.find(TENANT, second.id()).status()).isEqualTo(ReservationStatus.REQUESTED);
    }

    @Test
    void aCancelledPaidReservationAndALatePaymentAfterCancellingAreDueForRefund() {
        UsagerId u = newUsager();
        Reservation paid = requested(u, at(5, 10), at(5, 18));
        service.approve(AGENT, paid.id());
        service.confirmPayment(TENANT, paid.id(), "op-1");
        assertThat(service.cancel(Principal.usager(TENANT, u), paid.id(), null).status())
                .isEqualTo(ReservationStatus.REFUND_DUE);

        Reservation unpaid = requested(u, at(7, 10), at(7, 18));
        service.approve(AGENT, unpaid.id());
        service.cancel(Principal.usager(TENANT, u), unpaid.id(), "changement de date");
        assertThat(service.confirmPayment(TENANT, unpaid.id(), "op-2")).isEqualTo(PaymentOutcome.REFUND_DUE);
        assertThat(service.find(TENANT, unpaid.id()).status()).isEqualTo(ReservationStatus.REFUND_DUE);
    }

    @Test
    void aSecondPaymentWithAnotherReferenceIsRecordedForRefund() {
        Reservation r = requested(newUsager(), at(5, 10), at(5, 18));
        service.approve(AGENT, r.id());
        service.confirmPayment(TENANT, r.id(), "op-1");
        assertThat(service.confirmPayment(TENANT, r.id(), "op-2")).isEqualTo(PaymentOutcome.REFUND_DUE);
        assertThat(service.find(TENANT, r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(service.trail(TENANT, r.id()))
                .anySatisfy(
                        e -> assertThat(e.action() + ":" + e.detail()).isEqualTo("duplicate_payment_refund_due:op-2"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndValueAndWritesNothing() {
        UsagerId u = newUsager();
        UsagerPrincipal me = Principal.usager(TENANT, u);
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.RESIDENT, at(5, 10), at(5, 11))),
                ReservationRejectedException.Reason.TOO_SHORT,
                "end");
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.RESIDENT, at(5, 10), at(9, 10))),
                ReservationRejectedException.Reason.TOO_LONG,
                "end");
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.RESIDENT, at(5, 6), at(5, 12))),
                ReservationRejectedException.Reason.OUTSIDE_OPENING_RULES,
                "start");
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.RESIDENT, at(5, 10), at(5, 23))),
                ReservationRejectedException.Reason.OUTSIDE_OPENING_RULES,
                "end");
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.COMPANY, at(5, 10), at(5, 18))),
                ReservationRejectedException.Reason.CATEGORY_NOT_ADMITTED,
                "category");
        assertReason(
                () -> service.request(me, request(u, UsagerCategory.RESIDENT, at(-1, 10), at(-1, 18))),
                ReservationRejectedException.Reason.IN_THE_PAST,
                "start");
        assertReason(
                () -> service.request(
                        me,
                        new ReservationRequest(
                                TENANT,
                                HALL,
                                u,
                                UsagerCategory.RESIDENT,
                                at(5, 10),
                                at(5, 18),
                                Map.of("permis-de-construire", "x"))),
                ReservationRejectedException.Reason.UNKNOWN_PIECE,
                "providedPieces");
        assertThat(store.ofUsager(TENANT, u)).isEmpty();

        assertThatThrownBy(() -> new Tariff(-1, 0)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("tariff.fixedCents");
            assertThat(e.value()).isEqualTo("-1");
        });
        assertThatThrownBy(() ->
                        Reservable.builder(TENANT, HALL, "Salle").durations(Duration.ofHours(5), Duration.ofHours(2)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reservable.maxDuration"));
        assertThatThrownBy(() -> Reservable.builder(TENANT, HALL, "Salle").depositCents(-5))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reservable.depositCents"));
        assertThatThrownBy(() -> service.confirmPayment(
                        TENANT, requested(u, at(5, 10), at(5, 18)).id(), "bad ref!"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("paymentReference"));
    }

    private static void assertReason(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            ReservationRejectedException.Reason reason,
            String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ReservationRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isNotNull();
        });
    }

    @Test
    void onlyTheUsagerWhoeverActsForThemOrAnAgentOfTheTeamsAct() {
        UsagerId parent = newUsager();
        UsagerId stranger = newUsager();
        Household home = new Household(
                newUsager(),
                TENANT,
                "Foyer Martin",
                List.of(new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true)),
                Contact.none());
        usagers.save(home);
        assertThat(service.request(
                                Principal.usager(TENANT, parent),
                                request(home.id(), UsagerCategory.RESIDENT, at(5, 10), at(5, 18)))
                        .usager())
                .isEqualTo(home.id());
        assertThatThrownBy(() -> service.request(
                        Principal.usager(TENANT, stranger),
                        request(home.id(), UsagerCategory.RESIDENT, at(6, 10), at(6, 18))))
                .isInstanceOf(AccessDeniedException.class);
        Reservation r = store.ofUsager(TENANT, home.id()).get(0);
        AgentPrincipal otherTeam =
                Principal.agent(TENANT, AgentId.of("agent-2"), java.util.Set.of(TeamId.of("voirie")));
        assertThatThrownBy(() -> service.approve(otherTeam, r.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.find(Principal.usager(TENANT, stranger), r.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.find(TENANT, r.id()).status()).isEqualTo(ReservationStatus.REQUESTED);
    }

    @Test
    void erasureCancelsWhatIsAheadAndDetachesTheRest() {
        UsagerId u = newUsager();
        Reservation past = requested(u, at(1, 10), at(1, 18));
        service.reject(AGENT, past.id(), "dossier incomplet, M. Martin");
        Reservation ahead = requested(u, at(5, 10), at(5, 18));
        assertThat(service.eraseUsager(TENANT, u)).isEqualTo(2);
        assertThat(store.ofUsager(TENANT, u)).isEmpty();
        Reservation detached = service.find(TENANT, ahead.id());
        assertThat(detached.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(detached.providedPieces()).isEmpty();
        assertThat(service.find(TENANT, past.id()).decisionReason()).isNull();
        assertThat(service.trail(TENANT, past.id()))
                .allSatisfy(e -> assertThat(e.detail()).isNull());
    }

    /**
     * Two nodes (two stores on the same data), eight threads each, all asking at once for the hall over
     * periods that overlap one another in many ways: the periods kept never overlap.
     */
    @Test
    void twoNodesRacingForOverlappingPeriodsNeverBothSucceed() throws Exception {
        ReservationService nodeB = service(secondNode());
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Reservation> won = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int k = i;
                ReservationService node = k % 2 == 0 ? service : nodeB;
                futures.add(pool.submit(() -> {
                    UsagerId u = newUsager();
                    // Starts every hour from 08:00, each 4 hours long: each overlaps its neighbours.
                    Instant from = at(5, 8 + k / 2);
                    start.await();
                    try {
                        won.add(node.request(
                                Principal.usager(TENANT, u),
                                request(u, UsagerCategory.RESIDENT, from, from.plus(Duration.ofHours(4)))));
                    } catch (ReservationRejectedException lost) {
                        assertThat(lost.reason()).isEqualTo(ReservationRejectedException.Reason.PERIOD_TAKEN);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Reservation> kept = store.overlapping(TENANT, HALL, at(4, 0), at(7, 0)).stream()
                .filter(r -> r.status().keepsPeriod())
                .toList();
        assertThat(kept).hasSameSizeAs(won).isNotEmpty();
        for (Reservation a : kept) {
            for (Reservation b : kept) {
                if (!a.id().equals(b.id())) {
                    assertThat(a.start().isBefore(b.end()) && b.start().isBefore(a.end()))
                            .as("%s and %s overlap", a, b)
                            .isFalse();
                }
            }
        }
    }
}
