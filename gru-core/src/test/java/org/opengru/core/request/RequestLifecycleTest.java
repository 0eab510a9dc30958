package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.internal.InMemoryRequestStore;
import org.opengru.core.testing.CoreFixture;

class RequestLifecycleTest {

    private final CoreFixture f = new CoreFixture();
    private final RequestService requests = f.core.requests();

    private Request draft() {
        return requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                        .withPieces(CoreFixture.canteenPieces()),
                null);
    }

    @Test
    void submitReviewAccept_recordsHistoryAcknowledgmentAndEvents() {
        List<DomainEvent> seen = new ArrayList<>();
        f.core.events().subscribeAll(seen::add);

        Request r = draft();
        assertThat(r.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.createdBy()).isEqualTo(f.parentP.ref());

        r = requests.submit(f.parentP, r.id(), null);
        assertThat(r.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(r.receivedAt()).isEqualTo(CoreFixture.START);
        assertThat(r.deadline()).isNotNull();
        assertThat(r.deadline().date()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(r.acknowledgment()).isNotNull();
        assertThat(r.acknowledgment().text()).contains("réputée acceptée le 15 mars 2026");

        r = requests.startReview(f.agent, r.id(), null);
        r = requests.accept(f.agent, r.id(), null);
        assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(r.decision().implicit()).isFalse();
        assertThat(r.version()).isEqualTo(4);

        List<HistoryEntry> history = requests.history(f.parentP, r.id());
        assertThat(history)
                .extracting(HistoryEntry::action)
                .containsExactly(
                        RequestAction.CREATE, RequestAction.SUBMIT, RequestAction.START_REVIEW, RequestAction.ACCEPT);
        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(1, 2, 3, 4);
        assertThat(history.get(3).actor()).isEqualTo(f.agent.ref());
        assertThat(seen)
                .extracting(DomainEvent::type)
                .containsExactly(
                        "RequestCreated",
                        "RequestSubmitted",
                        "RequestStatusChanged",
                        "RequestStatusChanged",
                        "RequestStatusChanged");
    }

    @Test
    void illegalTransition_namesRequestStateActionActor_andChangesNothing() {
        Request r = draft();
        List<DomainEvent> seen = new ArrayList<>();
        f.core.events().subscribeAll(seen::add);

        assertThatThrownBy(() -> requests.accept(f.agent, r.id(), null))
                .isInstanceOf(AccessDeniedException.class); // agents do not see a resident's draft
        assertThatThrownBy(() -> requests.accept(f.parentP, r.id(), null))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.objectId()).isEqualTo(r.id().toString());
                    assertThat(e.state()).isEqualTo("DRAFT");
                    assertThat(e.action()).isEqualTo("ACCEPT");
                    assertThat(e.actor()).isEqualTo(f.parentP.toString());
                });
        Request submitted = requests.submit(f.parentP, r.id(), null);
        assertThatThrownBy(() -> requests.startReview(f.parentP, r.id(), null))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.getMessage()).contains("only [AGENT] may"));
        assertThat(requests.get(f.parentP, r.id())).isEqualTo(submitted);
        assertThat(requests.history(f.parentP, r.id())).hasSize(2);
        assertThat(seen).hasSize(2); // only the submission's events
    }

    @Test
    void submitGuard_listsInvalidFieldsAndMissingPieces() {
        Request r = requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.child, Channel.WEB, FormData.of("reducedRate", true)),
                null);
        assertThatThrownBy(() -> requests.submit(f.parentP, r.id(), null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .contains("data.childName", "data.regime", "data.quotient", "pieces"));
        assertThat(requests.get(f.parentP, r.id()).status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(requests.submissionProblems(f.parentP, r.id()))
                .extracting(v -> v.field())
                .containsExactlyInAnyOrder("data.childName", "data.regime", "data.quotient", "pieces", "pieces");
    }

    @Test
    void badValue_namesFieldAndValue_andNothingIsCreated() {
        assertThatThrownBy(() -> requests.create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, FormData.of("regime", "caviar")),
                        null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("data.regime");
                    assertThat(e.value()).isEqualTo("caviar");
                });
        assertThat(requests.list(f.parentP, RequestQuery.firstPage())).isEmpty();
        assertThatThrownBy(() -> requests.create(
                        f.parentP, NewRequest.of("inconnue", f.child, Channel.WEB, FormData.empty()), null))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.objectId()).isEqualTo("inconnue"));
    }

    @Test
    void complementCycle_suspendsAndRestartsThePeriod() {
        Request r = requests.submit(f.parentP, draft().id(), null);
        requests.startReview(f.agent, r.id(), null);
        f.clock.advance(Duration.ofDays(10));
        r = requests.requestComplement(
                f.agent, r.id(), "Justificatif illisible", List.of("Justificatif de domicile lisible"), null, null);
        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_COMPLEMENT);
        assertThat(r.deadline().suspended()).isTrue();
        assertThat(r.complement().dueBy()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(requests.permittedActions(f.parentP, r.id()))
                .containsExactlyInAnyOrder(RequestAction.PROVIDE_COMPLEMENT, RequestAction.WITHDRAW);

        f.clock.advance(Duration.ofDays(5));
        r = requests.provideComplement(
                f.parentP,
                r.id(),
                ActionInput.content(FormData.empty(), List.of(ProvidedPiece.of("justificatif-domicile", "doc-2"))),
                null);
        assertThat(r.status()).isEqualTo(RequestStatus.IN_REVIEW);
        // Restart: a full two months from 30 January.
        assertThat(r.deadline().date()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(r.pieces()).containsExactly(ProvidedPiece.of("justificatif-domicile", "doc-2"));
    }

    @Test
    void agentKeysInForResident_andRegistersIncompletePaperRequest() {
        Request r = requests.create(
                f.agent,
                NewRequest.of(
                        "inscription-cantine",
                        f.child,
                        Channel.POSTAL_MAIL,
                        FormData.of("childName", "Léo", "regime", "standard", "reducedRate", false)),
                null);
        assertThat(r.intake().keyedBy()).isEqualTo(f.agent.agent());
        assertThat(r.createdBy()).isEqualTo(f.agent.ref());
        assertThat(requests.permittedActions(f.agent, r.id()))
                .contains(RequestAction.EDIT, RequestAction.SUBMIT, RequestAction.REGISTER_INCOMPLETE);
        // The parent sees the request keyed in for their child.
        assertThat(requests.get(f.parentP, r.id()).id()).isEqualTo(r.id());

        r = requests.perform(
                f.agent,
                r.id(),
                RequestAction.REGISTER_INCOMPLETE,
                ActionInput.complementRequest("Pièce manquante", List.of("Justificatif de domicile"), null)
                        .via(Channel.POSTAL_MAIL),
                null);
        assertThat(r.status()).isEqualTo(RequestStatus.AWAITING_COMPLEMENT);
        assertThat(r.acknowledgment().missingPieces()).containsExactly("Justificatif de domicile");
        assertThat(r.acknowledgment().implicitDecisionDate()).isNull();
        assertThat(r.acknowledgment().text()).contains("ne court qu'à compter de la réception");
        assertThat(requests.history(f.agent, r.id()).get(1).channel()).isEqualTo(Channel.POSTAL_MAIL);

        f.clock.advance(Duration.ofDays(20));
        r = requests.provideComplement(
                f.parentP, r.id(), ActionInput.content(FormData.empty(), CoreFixture.canteenPieces()), null);
        // The period starts with the missing piece: 4 February + 2 months.
        assertThat(r.deadline().date()).isEqualTo(LocalDate.of(2026, 4, 4));
    }

    @Test
    void idempotentRetry_returnsFirstResult_withOneEffect() {
        Request r = draft();
        IdempotencyKey key = IdempotencyKey.of("submit-" + r.id());
        List<DomainEvent> seen = new ArrayList<>();
        f.core.events().subscribeAll(seen::add);

        Request first = requests.submit(f.parentP, r.id(), key);
        Request retry = requests.submit(f.parentP, r.id(), key);
        assertThat(retry).isEqualTo(first);
        assertThat(requests.history(f.parentP, r.id())).hasSize(2);
        assertThat(seen).hasSize(2);
        // The same key for the same operation on another request is a conflict that names nothing of the first.
        Request other = draft();
        assertThatThrownBy(() -> requests.submit(f.parentP, other.id(), key))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessage("the idempotency key was already used for another call");

        IdempotencyKey createKey = IdempotencyKey.of("create-once-0001");
        NewRequest command = NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty());
        Request c1 = requests.create(f.parentP, command, createKey);
        Request c2 = requests.create(f.parentP, command, createKey);
        assertThat(c2.id()).isEqualTo(c1.id());
        assertThat(requests.list(f.parentP, RequestQuery.of(Set.of(RequestStatus.DRAFT), 10)))
                .extracting(Request::procedure)
                .extracting(p -> p.code().value())
                .containsOnlyOnce("certificat-residence");
    }

    @Test
    void staleVersion_isAConcurrentUpdate_andChangesNothing() {
        InMemoryRequestStore store = (InMemoryRequestStore) f.core.requestStore();
        Request r = requests.submit(f.parentP, draft().id(), null);
        Request stale = r;
        requests.startReview(f.agent, r.id(), null);
        Request next = stale.toBuilder()
                .status(RequestStatus.WITHDRAWN)
                .version(stale.version() + 1)
                .deadline(null)
                .build();
        HistoryEntry entry = new HistoryEntry(
                r.id(),
                3,
                f.clock.instant(),
                f.parentP.ref(),
                Channel.WEB,
                RequestAction.WITHDRAW,
                RequestStatus.SUBMITTED,
                RequestStatus.WITHDRAWN,
                null,
                false);
        int outboxBefore = store.outbox(f.tenant).size();
        assertThatThrownBy(() -> store.apply(new RequestChange(next, stale.version(), List.of(entry), List.of(), null)))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(2);
                    assertThat(e.actualVersion()).isEqualTo(3);
                });
        assertThat(requests.get(f.agent, r.id()).status()).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(store.outbox(f.tenant)).hasSize(outboxBefore);
    }

    @Test
    void accessPolicy_householdMandatesTeamsAndTenants() {
        Request forChild = requests.submit(f.parentP, draft().id(), null);
        assertThat(requests.get(f.childP, forChild.id()).id()).isEqualTo(forChild.id()); // the child is the applicant
        assertThatThrownBy(() -> requests.get(f.neighbourP, forChild.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.get(f.otherTeamAgent, forChild.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.create(
                        f.neighbourP,
                        NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty()),
                        null))
                .isInstanceOf(AccessDeniedException.class);

        f.mandate(f.parent, f.neighbour);
        Request viaMandate = requests.create(
                f.neighbourP, NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty()), null);
        assertThat(requests.list(f.parentP, RequestQuery.firstPage()))
                .extracting(Request::id)
                .contains(viaMandate.id(), forChild.id());
        assertThat(requests.list(f.neighbourP, RequestQuery.firstPage()))
                .extracting(Request::id)
                .containsExactly(viaMandate.id());
        assertThat(requests.list(f.agent, RequestQuery.firstPage()))
                .extracting(Request::id)
                .containsExactly(forChild.id());

        // Another collectivité in the same JVM: same ids mean nothing there.
        Principal foreignAgent =
                Principal.agent(org.opengru.core.tenancy.TenantId.of("autre-commune"), f.agent.agent(), Set.of(f.team));
        assertThatThrownBy(() -> requests.get(foreignAgent, forChild.id())).isInstanceOf(NotFoundException.class);
        assertThat(requests.list(foreignAgent, RequestQuery.firstPage())).isEmpty();
    }

    @Test
    void onBehalfOf_theApplicantFilesForAHouseholdChild_andStrangersMayNot() {
        // tag::beneficiary[]
        Request r = requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.parent, Channel.WEB, CoreFixture.canteenData())
                        .withPieces(CoreFixture.canteenPieces())
                        .forBeneficiary(f.child),
                null);
        assertThat(r.applicant()).isEqualTo(f.parent);
        assertThat(r.beneficiary()).isEqualTo(f.child);
        // end::beneficiary[]
        assertThat(r.concerns()).isEqualTo(f.child);
        Request submitted = requests.submit(f.parentP, r.id(), null);
        assertThat(requests.list(f.parentP, RequestQuery.firstPage()))
                .extracting(Request::id)
                .contains(submitted.id());
        assertThat(requests.get(f.agent, submitted.id()).beneficiary()).isEqualTo(f.child);

        // A neighbour may not file for the child, even as the applicant: nothing is created.
        int before = requests.list(f.agent, RequestQuery.firstPage()).size();
        assertThatThrownBy(() -> requests.create(
                        f.neighbourP,
                        NewRequest.of("certificat-residence", f.neighbour, Channel.WEB, FormData.empty())
                                .forBeneficiary(f.child),
                        null))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class,
                        e -> assertThat(e.getMessage()).contains(f.child.toString()));
        assertThat(requests.list(f.neighbourP, RequestQuery.firstPage())).isEmpty();
        // Nor may an agent key it in for the neighbour: the applicant would follow a request about the child.
        assertThatThrownBy(() -> requests.create(
                        f.agent,
                        NewRequest.of("certificat-residence", f.neighbour, Channel.COUNTER, FormData.empty())
                                .forBeneficiary(f.child),
                        null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(requests.list(f.agent, RequestQuery.firstPage())).hasSize(before);

        // With a mandate from the child's household, the neighbour may.
        f.mandate(f.child, f.neighbour);
        Request viaMandate = requests.create(
                f.neighbourP,
                NewRequest.of("certificat-residence", f.neighbour, Channel.WEB, FormData.empty())
                        .forBeneficiary(f.child),
                null);
        assertThat(viaMandate.beneficiary()).isEqualTo(f.child);
        // The applicant follows it; the beneficiary's household does not see the neighbour's own request.
        assertThatThrownBy(() -> requests.get(f.parentP, viaMandate.id())).isInstanceOf(AccessDeniedException.class);

        // An agent keys one in on behalf of the child.
        Request keyed = requests.create(
                f.agent,
                NewRequest.of("certificat-residence", f.parent, Channel.COUNTER, FormData.empty())
                        .forBeneficiary(f.child),
                null);
        assertThat(keyed.beneficiary()).isEqualTo(f.child);
    }

    @Test
    void onBehalfOf_refusesOneselfAnUnknownUsagerAndAKindTheDemarcheIsNotOpenTo() {
        NewRequest mine = NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty());
        assertThatThrownBy(() -> mine.forBeneficiary(f.parent))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("beneficiary"));
        assertThatThrownBy(() -> requests.create(
                        f.parentP,
                        mine.forBeneficiary(org.opengru.core.id.UsagerId.of(java.util.UUID.randomUUID())),
                        null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.create(f.parentP, mine.forBeneficiary(f.household), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("beneficiary");
                    assertThat(e.getMessage()).contains("HOUSEHOLD");
                });
        assertThat(requests.list(f.parentP, RequestQuery.firstPage())).isEmpty();
    }

    @Test
    void eligibility_refusesAKindTheDemarcheIsNotOpenTo() {
        assertThatThrownBy(() -> requests.create(
                        f.parentP,
                        NewRequest.of("certificat-residence", f.household, Channel.WEB, FormData.empty()),
                        null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("applicant");
                    assertThat(e.value()).isEqualTo("HOUSEHOLD");
                });
    }

    @Test
    void reopen_needsAReason_andOnlyAnAgent() {
        Request r = requests.submit(f.parentP, draft().id(), null);
        requests.startReview(f.agent, r.id(), null);
        requests.reject(f.agent, r.id(), "Hors secteur", null);
        assertThatThrownBy(() -> requests.reopen(f.agent, r.id(), " ", null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() ->
                        requests.perform(f.parentP, r.id(), RequestAction.REOPEN, ActionInput.reason("svp"), null))
                .isInstanceOf(IllegalTransitionException.class);
        Request reopened = requests.reopen(f.agent, r.id(), "Erreur de secteur", null);
        assertThat(reopened.status()).isEqualTo(RequestStatus.IN_REVIEW);
        assertThat(reopened.decision()).isNull();
        assertThat(requests.history(f.agent, r.id()).get(4).reason()).isEqualTo("Erreur de secteur");
    }

    @Test
    void versionsAreKept_aRequestStaysUnderTheVersionItWasFiledUnder() {
        Request old = requests.submit(f.parentP, draft().id(), null);
        f.core.procedures().define(f.tenant, CoreFixture.canteen(2));
        Request fresh = draft();
        assertThat(old.procedure().version()).isEqualTo(1);
        assertThat(fresh.procedure().version()).isEqualTo(2);
        assertThat(requests.get(f.agent, old.id()).procedure().version()).isEqualTo(1);
    }

    @Test
    void lifecycleExports_coverEveryRow() {
        RequestLifecycle lifecycle = requests.lifecycle();
        String mermaid = lifecycle.toMermaid();
        String dot = lifecycle.toDot();
        for (Transition t : lifecycle.transitions()) {
            assertThat(mermaid).contains(t.action().name());
            assertThat(dot).contains(t.action().name());
        }
        assertThat(mermaid).contains("IN_REVIEW --> AWAITING_COMPLEMENT : REQUEST_COMPLEMENT (agent)");
        assertThat(dot).startsWith("digraph");
    }
}
