package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.deadline.DeadlineCalculator;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.MessagePost;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.CoreFixture;
import org.opengru.core.testing.ForwardingMandateStore;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.MandateStore;

/**
 * Random sequences of actions by random actors (usagers, agents in and out of the team, the system, an
 * agent of another collectivité) on requests of three démarches (SVA with restart, SVR with continue, no
 * implicit decision), with the clock moving and the deadline sweeper running. After every step, four
 * invariants hold:
 *
 * <ol>
 *   <li>a decided request leaves its final state only by an agent's REOPEN (and a withdrawn one never);
 *   <li>history is append-only, its last entry matches the status and its length the version;
 *   <li>no actor sees a request the policy forbids (an oracle written from the fixture, independent of
 *       the code's policy), neither by {@code get}, nor in {@code list}, nor through its message thread,
 *       and no usager ever sees an internal note;
 *   <li>the implicit-decision date never moves earlier, in particular while a complement is awaited.
 * </ol>
 *
 * The broken variants at the end run the same property against deliberately broken stores and assert that
 * it fails.
 */
class LifecyclePropertyTest {

    private static final int EXAMPLES = 150;

    @Test
    void invariantsHoldForRandomActionSequences() {
        qt().withExamples(EXAMPLES)
                .withShrinkCycles(200)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 40))
                .checkAssert(steps -> new Run(UnaryOperator.identity(), UnaryOperator.identity()).play(steps));
    }

    // ---- the harness --------------------------------------------------------------------------------

    // The fixture's démarches ask no payment, so the payment actions are always refused here: left out so
    // that they do not dilute the sequences (RequestPaymentTest covers them).
    private static final RequestAction[] ACTIONS = java.util.Arrays.stream(RequestAction.values())
            .filter(a -> a != RequestAction.RECORD_PAYMENT && a != RequestAction.LAPSE_PAYMENT)
            .toArray(RequestAction[]::new);

    static final class Run {
        final CoreFixture f;
        final RequestService requests;
        final UsagerId grandma;
        final UsagerPrincipal grandmaP;
        final Principal foreignAgent;
        final List<Principal> actors = new ArrayList<>();
        final List<RequestId> ids = new ArrayList<>();
        final Map<RequestId, Request> last = new HashMap<>();
        final Map<RequestId, List<HistoryEntry>> lastHistory = new HashMap<>();
        final Map<RequestId, LocalDate> lastDeadline = new HashMap<>();
        final java.util.Set<org.opengru.core.id.MessageId> internalNotes = new java.util.HashSet<>();

        Run(UnaryOperator<RequestStore> requestStore, UnaryOperator<MandateStore> mandateStore) {
            this(requestStore, mandateStore, UnaryOperator.identity());
        }

        Run(
                UnaryOperator<RequestStore> requestStore,
                UnaryOperator<MandateStore> mandateStore,
                UnaryOperator<ExchangeStore> exchangeStore) {
            f = new CoreFixture(
                    "prop-commune",
                    requestStore.apply(RequestStore.inMemory()),
                    mandateStore.apply(MandateStore.inMemory()),
                    exchangeStore.apply(ExchangeStore.inMemory()));
            requests = f.core.requests();
            grandma = f.person("Martin", "Odette");
            grandmaP = Principal.usager(f.tenant, grandma);
            f.core.mandates()
                    .save(new Mandate(
                            UUID.randomUUID(),
                            f.tenant,
                            grandma,
                            f.neighbour,
                            Mandate.Kind.POWER_OF_ATTORNEY,
                            f.clock.instant(),
                            null,
                            null));
            foreignAgent = Principal.agent(TenantId.of("autre-commune"), f.agent.agent(), Set.of(f.team));
            actors.addAll(List.of(
                    f.parentP,
                    f.childP,
                    f.neighbourP,
                    grandmaP,
                    f.agent,
                    f.otherTeamAgent,
                    Principal.system(f.tenant, "deadline-sweeper"),
                    foreignAgent));
            // Three démarches, four requests: by the parent for the child, by the parent for themself, by an
            // agent keying in for the child, by the neighbour for grandma through a mandate.
            ids.add(requests.create(
                            f.parentP,
                            NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                    .withPieces(CoreFixture.canteenPieces()),
                            null)
                    .id());
            ids.add(requests.create(
                            f.parentP,
                            NewRequest.of("autorisation-terrasse", f.parent, Channel.WEB, FormData.of("surface", 12)),
                            null)
                    .id());
            ids.add(requests.create(
                            f.agent,
                            NewRequest.of("certificat-residence", f.child, Channel.COUNTER, FormData.empty()),
                            null)
                    .id());
            ids.add(requests.create(
                            f.neighbourP,
                            NewRequest.of("autorisation-terrasse", grandma, Channel.PHONE, FormData.of("surface", 30)),
                            null)
                    .id());
            observe();
        }

        void play(List<Integer> steps) {
            for (int n : steps) {
                step(n);
                observe();
            }
        }

        private void step(int n) {
            // Mostly hours, sometimes weeks: requests get processed before their deadlines, and some do not.
            int hours = n % 24;
            n /= 24;
            int days = n % 5 == 0 ? (n / 5) % 40 : 0;
            n /= 200;
            f.clock.advance(Duration.ofDays(days).plusHours(hours));
            if (n % 10 == 0) {
                f.core.deadlineSweeper().sweep(f.tenant);
                return;
            }
            if (n % 10 == 1) {
                postMessage(n / 10);
                return;
            }
            n /= 10;
            Principal actor = actors.get(n % actors.size());
            n /= actors.size();
            RequestId id = ids.get(n % ids.size());
            n /= ids.size();
            int variant = n % 3;
            n /= 3;
            RequestAction action = ACTIONS[n % ACTIONS.length];
            n /= ACTIONS.length;
            // Two steps in three pick among the actions some actor may fire on the request, to reach deep
            // states often; the others try anything, to check that refusals change nothing.
            if (n % 3 != 0) {
                boolean allowWithdraw = n % 11 == 0;
                List<Object[]> candidates = new ArrayList<>();
                for (Principal p : actors) {
                    try {
                        for (RequestAction a : requests.permittedActions(p, id)) {
                            if (a != RequestAction.WITHDRAW || allowWithdraw) {
                                candidates.add(new Object[] {p, a});
                            }
                        }
                    } catch (GruException cannotSee) {
                        // not a candidate
                    }
                }
                if (!candidates.isEmpty()) {
                    Object[] pick = candidates.get((n / 3) % candidates.size());
                    actor = (Principal) pick[0];
                    action = (RequestAction) pick[1];
                }
            }
            try {
                if (action == RequestAction.CREATE) {
                    UsagerId applicant = actor instanceof UsagerPrincipal u ? u.usager() : f.child;
                    ids.add(requests.create(
                                    actor,
                                    NewRequest.of("certificat-residence", applicant, Channel.WEB, FormData.empty()),
                                    null)
                            .id());
                } else {
                    requests.perform(actor, id, action, input(action, variant), null);
                }
            } catch (GruException expected) {
                // Refusals are fine; the invariants say what a refusal must leave unchanged.
            }
        }

        private void postMessage(int n) {
            Principal actor = actors.get(n % actors.size());
            n /= actors.size();
            RequestId id = ids.get(n % ids.size());
            Visibility visibility = (n / ids.size()) % 2 == 0 ? Visibility.SHARED : Visibility.INTERNAL_NOTE;
            try {
                Message posted =
                        f.core.exchanges().post(actor, id, visibility, "Message " + n, List.of(), Channel.WEB, null);
                if (visibility == Visibility.INTERNAL_NOTE) {
                    internalNotes.add(posted.id());
                }
            } catch (GruException refused) {
                // an usager may not post internal notes, nobody may post on a request they cannot see
            }
        }

        private ActionInput input(RequestAction action, int variant) {
            if (variant == 2) {
                return ActionInput.none(); // no reason, no content: guards may refuse
            }
            return switch (action) {
                case EDIT, PROVIDE_COMPLEMENT, SUBMIT ->
                    ActionInput.content(
                            variant == 0 ? FormData.empty() : FormData.of("regime", "vegetarien"),
                            CoreFixture.canteenPieces());
                case REQUEST_COMPLEMENT, REGISTER_INCOMPLETE ->
                    ActionInput.complementRequest("Pièce illisible", List.of("Justificatif"), null);
                default -> ActionInput.reason("Motif " + variant);
            };
        }

        /** Checks the four invariants against what the previous step left. */
        void observe() {
            Principal system = Principal.system(f.tenant, "observer");
            DeadlineCalculator calc = DeadlineCalculator.paris();
            for (RequestId id : ids) {
                Request now = requests.get(system, id);
                List<HistoryEntry> history = requests.history(system, id);
                Request before = last.get(id);
                List<HistoryEntry> historyBefore = lastHistory.getOrDefault(id, List.of());

                // 2. History is append-only; its last entry matches the status; one entry per version.
                assertThat(history.size())
                        .as("history of %s never shrinks", id)
                        .isGreaterThanOrEqualTo(historyBefore.size());
                assertThat(history.subList(0, historyBefore.size()))
                        .as("history of %s is append-only", id)
                        .isEqualTo(historyBefore);
                assertThat(history).as("history of %s", id).isNotEmpty();
                assertThat(history.get(history.size() - 1).to())
                        .as("last entry of %s matches the status", id)
                        .isEqualTo(now.status());
                assertThat(history).as("one entry per version of %s", id).hasSize((int) now.version());

                // 1. A decided request only leaves its final state by an agent's reopen.
                if (before != null
                        && (before.status().decided() || before.status() == RequestStatus.WITHDRAWN)
                        && now.status() != before.status()) {
                    assertThat(before.status())
                            .as("a withdrawn request never changes")
                            .isNotEqualTo(RequestStatus.WITHDRAWN);
                    List<HistoryEntry> added = history.subList(historyBefore.size(), history.size());
                    HistoryEntry leaving = added.get(0);
                    assertThat(leaving.action())
                            .as("%s left %s", id, before.status())
                            .isEqualTo(RequestAction.REOPEN);
                    assertThat(leaving.actor().kind()).as("reopened by").isEqualTo(ActorKind.AGENT);
                }

                // 4. The implicit-decision date never moves earlier (shown date: projected while suspended).
                ImplicitDeadline d = now.deadline();
                if (d != null) {
                    Procedure p =
                            f.core.procedures().find(f.tenant, now.procedure()).orElseThrow();
                    LocalDate shown = calc.projected(p.implicitDecision(), d, calc.day(f.clock.instant()));
                    LocalDate previous = lastDeadline.get(id);
                    if (previous != null) {
                        assertThat(shown)
                                .as("implicit-decision date of %s (%s)", id, now.status())
                                .isAfterOrEqualTo(previous);
                    }
                    lastDeadline.put(id, shown);
                } else if (now.status().decided() || now.status() == RequestStatus.WITHDRAWN) {
                    lastDeadline.remove(id); // decided: the deadline is over; a reopened request has none
                }

                // 3. No actor sees a request the policy forbids.
                for (Principal actor : actors) {
                    boolean allowed = oracleAllows(actor, now);
                    try {
                        requests.get(actor, id);
                        assertThat(allowed).as("%s must not see %s", actor, id).isTrue();
                    } catch (AccessDeniedException | NotFoundException denied) {
                        assertThat(allowed).as("%s must see %s", actor, id).isFalse();
                    }
                    // Its messages likewise; and an usager never sees an internal note.
                    try {
                        List<Message> thread = f.core.exchanges().thread(actor, id);
                        assertThat(allowed)
                                .as("%s must not read the thread of %s", actor, id)
                                .isTrue();
                        if (actor instanceof UsagerPrincipal) {
                            assertThat(thread)
                                    .as("thread of %s for %s", id, actor)
                                    .noneMatch(m -> internalNotes.contains(m.id()));
                        }
                    } catch (AccessDeniedException | NotFoundException denied) {
                        assertThat(allowed)
                                .as("%s must read the thread of %s", actor, id)
                                .isFalse();
                    }
                }
                last.put(id, now);
                lastHistory.put(id, history);
            }
            for (Principal actor : actors) {
                if (actor instanceof UsagerPrincipal || actor instanceof AgentPrincipal) {
                    for (Request r : requests.list(actor, new RequestQuery(Set.of(), null, 500))) {
                        assertThat(oracleAllows(actor, r))
                                .as("%s must not list %s", actor, r.id())
                                .isTrue();
                    }
                }
            }
        }

        /** Who may see what, written from the fixture's family tree rather than from the code. */
        private boolean oracleAllows(Principal actor, Request r) {
            if (!actor.tenant().equals(f.tenant)) {
                return false;
            }
            if (actor instanceof UsagerPrincipal u) {
                UsagerId who = u.usager();
                UsagerId applicant = r.applicant();
                return who.equals(applicant)
                        || (who.equals(f.parent) && (applicant.equals(f.child) || applicant.equals(f.household)))
                        || (who.equals(f.neighbour) && applicant.equals(grandma));
            }
            if (actor instanceof AgentPrincipal a) {
                return a.teams().contains(TeamId.of("etat-civil"))
                        && (r.status() != RequestStatus.DRAFT || r.intake().keyedByAgent());
            }
            return true;
        }
    }

    // ---- the property catches broken implementations -------------------------------------------------

    private static void assertPropertyFails(UnaryOperator<RequestStore> store, UnaryOperator<MandateStore> mandates) {
        assertThatThrownBy(() -> qt().withExamples(EXAMPLES)
                        .withShrinkCycles(20)
                        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1))
                                .ofSizeBetween(1, 40))
                        .checkAssert(steps -> new Run(store, mandates).play(steps)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void brokenVariant_storeThatRewritesHistory_isCaught() {
        // Keeps only the latest history entry: history is no longer append-only.
        assertPropertyFails(
                s -> new ForwardingRequestStore(s) {
                    @Override
                    public List<HistoryEntry> history(TenantId tenant, RequestId id) {
                        List<HistoryEntry> all = super.history(tenant, id);
                        return all.size() <= 1 ? all : all.subList(all.size() - 1, all.size());
                    }
                },
                UnaryOperator.identity());
    }

    @Test
    void brokenVariant_mandateQueryIgnoringTheRepresentative_isCaught() {
        // Returns every mandate of the collectivité: the parent would see grandma's requests.
        assertPropertyFails(UnaryOperator.identity(), m -> new ForwardingMandateStore(m) {
            @Override
            public List<Mandate> byRepresentative(TenantId tenant, UsagerId representative) {
                return saved.stream().filter(m -> m.tenant().equals(tenant)).toList();
            }
        });
    }

    @Test
    void brokenVariant_exchangeStoreLosingTheVisibility_isCaught() {
        // Stores every message as shared, as an adapter that forgot the visibility column would.
        UnaryOperator<ExchangeStore> lossy = s -> new ExchangeStore() {
            @Override
            public PostOutcome post(MessagePost post) {
                Message m = post.message();
                Message shared = new Message(
                        m.id(),
                        m.tenant(),
                        m.requestId(),
                        m.author(),
                        Visibility.SHARED,
                        m.body(),
                        m.attachments(),
                        m.channel(),
                        m.postedAt());
                return s.post(new MessagePost(shared, post.events(), post.key(), post.fingerprint()));
            }

            @Override
            public List<Message> thread(TenantId tenant, RequestId requestId) {
                return s.thread(tenant, requestId);
            }

            @Override
            public java.util.Optional<Message> find(TenantId tenant, org.opengru.core.id.MessageId id) {
                return s.find(tenant, id);
            }

            @Override
            public boolean markRead(
                    TenantId tenant,
                    org.opengru.core.exchange.ReadReceipt receipt,
                    List<org.opengru.core.event.DomainEvent> events) {
                return s.markRead(tenant, receipt, events);
            }

            @Override
            public List<org.opengru.core.exchange.ReadReceipt> receipts(
                    TenantId tenant, org.opengru.core.id.MessageId id) {
                return s.receipts(tenant, id);
            }
        };
        assertThatThrownBy(() -> qt().withExamples(EXAMPLES)
                        .withShrinkCycles(20)
                        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1))
                                .ofSizeBetween(1, 40))
                        .checkAssert(steps ->
                                new Run(UnaryOperator.identity(), UnaryOperator.identity(), lossy).play(steps)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("thread of");
    }

    @Test
    void brokenVariant_storeThatLosesTheSuspension_isCaught() {
        // Stores an awaited complement with a deadline one week earlier than computed.
        assertPropertyFails(
                s -> new ForwardingRequestStore(s) {
                    @Override
                    public Outcome apply(RequestChange change) {
                        Request r = change.request();
                        ImplicitDeadline d = r.deadline();
                        if (r.status() == RequestStatus.AWAITING_COMPLEMENT && d != null) {
                            LocalDate earlier = d.date().minusDays(7);
                            r = r.toBuilder()
                                    .deadline(new ImplicitDeadline(
                                            d.outcome(),
                                            earlier,
                                            DeadlineCalculator.paris().endOf(earlier),
                                            d.suspendedOn(),
                                            d.startsOnResume(),
                                            d.resumesOn()))
                                    .build();
                            change = new RequestChange(
                                    r,
                                    change.expectedVersion(),
                                    change.history(),
                                    change.events(),
                                    change.idempotency());
                        }
                        return super.apply(change);
                    }
                },
                UnaryOperator.identity());
    }

    @Test
    void brokenVariant_decidedRequestLeavingWithoutReopen_isCaught() {
        // The invariant check itself, fed a request that went from ACCEPTED to IN_REVIEW by START_REVIEW.
        Run run = new Run(UnaryOperator.identity(), UnaryOperator.identity());
        RequestId id = run.ids.get(0);
        Request r = run.requests.submit(run.f.parentP, id, null);
        run.requests.startReview(run.f.agent, id, null);
        run.requests.accept(run.f.agent, id, null);
        run.observe();
        Request accepted = run.requests.get(run.f.agent, id);
        InjectingStore.forge(
                run,
                accepted.toBuilder()
                        .status(RequestStatus.IN_REVIEW)
                        .decision(null)
                        .version(accepted.version() + 1)
                        .build(),
                RequestAction.START_REVIEW);
        assertThatThrownBy(run::observe).isInstanceOf(AssertionError.class).hasMessageContaining("left ACCEPTED");
        assertThat(r).isNotNull();
    }

    /** Writes a forged change straight into the store, as a buggy lifecycle would. */
    static final class InjectingStore {
        static void forge(Run run, Request next, RequestAction action) {
            HistoryEntry entry = new HistoryEntry(
                    next.id(),
                    (int) next.version(),
                    run.f.clock.instant(),
                    run.f.agent.ref(),
                    Channel.WEB,
                    action,
                    RequestStatus.ACCEPTED,
                    next.status(),
                    null,
                    false);
            run.f
                    .core
                    .requestStore()
                    .apply(new RequestChange(next, next.version() - 1, List.of(entry), List.of(), null));
        }
    }
}
