package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.inbound.SenderDirectory;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.test.MutableClock;

/**
 * The contract of every gru-core store port at once, through the real services: teams, the catalogue,
 * usagers, households, mandates, requests (with idempotent commands) and exchanges. Extend it with a
 * {@link GruCore} wired to your adapters; each test works in a collectivité of its own.
 */
public abstract class GruCoreStoresContract {

    /** A démarche open to persons, handled by the team "voirie" (also used by the benchmarks). */
    public static final String TERRACE = """
            {"code": "autorisation-terrasse", "version": 1, "title": "Autorisation de terrasse", "team": "voirie",
             "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "surface", "label": "Surface (m²)", "type": "NUMBER", "required": true, "min": 1}]}
            """;

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:30:00Z"));
    protected final TenantId tenant =
            TenantId.of("commune-" + UUID.randomUUID().toString().substring(0, 8));
    protected final List<DomainEvent> published = new ArrayList<>();

    /** A GruCore on the adapters under test, with {@link #clock}. */
    protected abstract GruCore core();

    private GruCore seeded() {
        GruCore core = core();
        core.events().subscribeAll(published::add);
        declareTerrace(core, tenant);
        return core;
    }

    /** The team "voirie" and the démarche {@link #TERRACE} it handles, in {@code tenant}. */
    public static void declareTerrace(GruCore core, TenantId tenant) {
        core.teams()
                .save(new Team(
                        tenant,
                        TeamId.of("voirie"),
                        "Service voirie",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("voirie@mairie.example.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        core.procedures().define(tenant, new ProcedureDefinitions().fromJson(TERRACE));
    }

    private UsagerId person(GruCore core, String name) {
        UsagerId id = core.ids().newUsagerId();
        core.usagers().save(Person.declared(id, tenant, name, List.of("Claire"), Contact.none(), clock.instant()));
        return id;
    }

    private Household household(GruCore core, UsagerId parent, UsagerId child) {
        Household home = new Household(
                core.ids().newUsagerId(),
                tenant,
                "Foyer Martin",
                List.of(
                        new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                        new HouseholdMember(child, HouseholdMember.Relationship.CHILD, false)),
                Contact.none());
        core.usagers().save(home);
        return home;
    }

    @Test
    void storesTeamsProceduresUsagersHouseholdsAndMandates() {
        GruCore core = seeded();
        assertThat(core.teams().find(tenant, TeamId.of("voirie")))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Service voirie"));
        Procedure v1 = core.procedures()
                .latest(tenant, ProcedureCode.of("autorisation-terrasse"))
                .orElseThrow();
        assertThat(core.procedures().find(tenant, v1.ref())).contains(v1);
        assertThat(core.procedures().catalogue(tenant)).containsExactly(v1);
        assertThatThrownBy(() -> core.procedures().define(tenant, v1)).isInstanceOf(AlreadyExistsException.class);
        Procedure v2 = new ProcedureDefinitions().fromJson(TERRACE.replace("\"version\": 1", "\"version\": 2"));
        core.procedures().define(tenant, v2);
        assertThat(core.procedures().latest(tenant, v1.code())).contains(v2);
        assertThat(core.procedures().find(tenant, v1.ref())).contains(v1);
        assertThatThrownBy(() -> core.procedures().define(tenant, v1)).isInstanceOf(AlreadyExistsException.class);
        // Declared again at a restart: the same content passes, another content under the same version does not.
        assertThat(core.procedures().declare(tenant, v1)).isFalse();
        Procedure changed = new ProcedureDefinitions()
                .fromJson(TERRACE.replace("\"version\": 1", "\"version\": 2")
                        .replace(v2.title(), v2.title() + " (modifiée)"));
        assertThatThrownBy(() -> core.procedures().declare(tenant, changed))
                .isInstanceOf(org.opengru.core.error.ValidationException.class)
                .hasMessageContaining("version 3");
        assertThat(core.procedures().find(tenant, v2.ref())).contains(v2);
        assertThat(core.procedures().catalogue(TenantId.of("commune-elsewhere")))
                .isEmpty();

        UsagerId parent = person(core, "Martin");
        UsagerId child = person(core, "Martin-Junior");
        assertThat(core.usagers().find(tenant, parent))
                .hasValueSatisfying(u -> assertThat(u.displayName()).contains("Martin"));
        assertThat(core.usagers().find(TenantId.of("commune-elsewhere"), parent))
                .isEmpty();
        Household home = household(core, parent, child);
        assertThat(core.usagers().householdsOf(tenant, child)).containsExactly(home);
        assertThat(core.usagers().find(tenant, home.id())).contains(home);

        Mandate mandate = new Mandate(
                UUID.randomUUID(), tenant, child, parent, Mandate.Kind.LEGAL_GUARDIAN, clock.instant(), null, null);
        core.mandates().save(mandate);
        assertThat(core.mandates().find(tenant, mandate.id())).contains(mandate);
        assertThat(core.mandates().byRepresentative(tenant, parent)).containsExactly(mandate);
        assertThat(core.mandates().byRepresentative(tenant, child)).isEmpty();
    }

    private UsagerId personWithEmail(GruCore core, String name, String email) {
        UsagerId id = core.ids().newUsagerId();
        Contact contact = new Contact(
                Attested.declared(EmailAddress.parse(email), clock.instant()),
                null,
                null,
                Set.of(NotificationChannel.PORTAL),
                null);
        core.usagers().save(Person.declared(id, tenant, name, List.of("Claire"), contact, clock.instant()));
        return id;
    }

    @Test
    void findsTheUsagersOfAContactEmailWithoutCaseAndOnlyInTheirTenant() {
        GruCore core = seeded();
        UsagerId claire = personWithEmail(core, "Martin", "Claire.Martin@example.fr");
        UsagerId paul = personWithEmail(core, "Durand", "foyer.durand@example.fr");
        UsagerId anne = personWithEmail(core, "Durand", "FOYER.durand@example.fr");
        person(core, "Sans-Adresse");
        EmailAddress claires = EmailAddress.parse("claire.martin@EXAMPLE.fr");

        assertThat(core.usagers().withEmail(tenant, claires, 2)).containsExactly(claire);
        assertThat(core.usagers().withEmail(TenantId.of("commune-elsewhere"), claires, 2))
                .isEmpty();
        assertThat(core.usagers().withEmail(tenant, EmailAddress.parse("foyer.durand@example.fr"), 5))
                .containsExactlyInAnyOrder(paul, anne)
                .isSorted();
        assertThat(core.usagers().withEmail(tenant, EmailAddress.parse("foyer.durand@example.fr"), 1))
                .hasSize(1);
        assertThat(core.usagers().withEmail(tenant, EmailAddress.parse("nobody@example.fr"), 2))
                .isEmpty();

        // The sender directory links a mail only to the one usager of an address, never to one of a family's.
        SenderDirectory senders = SenderDirectory.of(core.usagers());
        assertThat(senders.byEmail(tenant, claires)).contains(claire);
        assertThat(senders.byEmail(tenant, EmailAddress.parse("foyer.durand@example.fr")))
                .isEmpty();

        // A changed address is found under the new one only.
        core.usagers().delete(tenant, claire);
        assertThat(core.usagers().withEmail(tenant, claires, 2)).isEmpty();
    }

    @Test
    void deletesAnUsagerWithItsHouseholdMembershipsAndNothingElse() {
        GruCore core = seeded();
        UsagerId parent = person(core, "Martin");
        UsagerId child = person(core, "Martin-Junior");
        Household home = household(core, parent, child);

        assertThat(core.usagers().delete(TenantId.of("commune-elsewhere"), child))
                .isFalse();
        assertThat(core.usagers().delete(tenant, child)).isTrue();
        assertThat(core.usagers().find(tenant, child)).isEmpty();
        assertThat(core.usagers().householdsOf(tenant, child)).isEmpty();
        assertThat(core.usagers().householdsOf(tenant, parent)).containsExactly(home);
        assertThat(core.usagers().delete(tenant, child)).as("already gone").isFalse();

        assertThat(core.usagers().delete(tenant, home.id())).isTrue();
        assertThat(core.usagers().householdsOf(tenant, parent)).isEmpty();
        assertThat(core.usagers().find(tenant, parent)).isPresent();
    }

    @Test
    void runsARequestThroughItsLifecycleWithIdempotentCommandsAndExchanges() {
        GruCore core = seeded();
        UsagerId claire = person(core, "Martin");
        UsagerPrincipal me = Principal.usager(tenant, claire);
        AgentPrincipal agent = Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("voirie")));

        IdempotencyKey createKey = IdempotencyKey.of("create-" + UUID.randomUUID());
        NewRequest form = NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12));
        Request draft = core.requests().create(me, form, createKey);
        assertThat(core.requests().create(me, form, createKey)).isEqualTo(draft);

        clock.advance(Duration.ofMinutes(5));
        IdempotencyKey submitKey = IdempotencyKey.of("submit-" + draft.id());
        Request sent = core.requests().submit(me, draft.id(), submitKey);
        assertThat(core.requests().submit(me, draft.id(), submitKey)).isEqualTo(sent);
        assertThat(sent.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(sent.acknowledgment()).isNotNull();
        // The keys are the resident's: another resident's call with the same key neither replays hers nor is
        // blocked by it.
        UsagerId bob = person(core, "Durand");
        Request his = core.requests()
                .create(
                        Principal.usager(tenant, bob),
                        NewRequest.of("autorisation-terrasse", bob, Channel.WEB, FormData.of("surface", 3)),
                        createKey);
        assertThat(his.id()).isNotEqualTo(draft.id());
        assertThat(his.applicant()).isEqualTo(bob);
        // Reused by her for the same operation on another request, it is a conflict that names nothing else.
        Request other = core.requests().create(me, form, null);
        assertThatThrownBy(() -> core.requests().submit(me, other.id(), submitKey))
                .isInstanceOf(org.opengru.core.error.IdempotencyConflictException.class)
                .hasMessage("the idempotency key was already used for another call");

        clock.advance(Duration.ofHours(1));
        core.requests().startReview(agent, draft.id(), null);
        IdempotencyKey postKey = IdempotencyKey.of("post-" + UUID.randomUUID());
        Message question = core.exchanges()
                .post(
                        agent,
                        draft.id(),
                        Visibility.SHARED,
                        "Quelle est la largeur du trottoir ?",
                        List.of(),
                        Channel.WEB,
                        postKey);
        assertThat(core.exchanges()
                        .post(
                                agent,
                                draft.id(),
                                Visibility.SHARED,
                                "Quelle est la largeur du trottoir ?",
                                List.of(),
                                Channel.WEB,
                                postKey))
                .isEqualTo(question);
        core.exchanges()
                .post(
                        agent,
                        draft.id(),
                        Visibility.INTERNAL_NOTE,
                        "Voir avec la police municipale",
                        List.of(),
                        Channel.WEB,
                        null);
        core.exchanges().markRead(me, question.id());
        core.exchanges().markRead(me, question.id());
        clock.advance(Duration.ofDays(2));
        Request accepted = core.requests().accept(agent, draft.id(), null);

        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(core.requests().get(agent, draft.id())).isEqualTo(accepted);
        assertThat(core.requests().getByReference(me, draft.reference())).isEqualTo(accepted);
        assertThat(core.requests().history(agent, draft.id()))
                .extracting(HistoryEntry::to)
                .containsExactly(
                        RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW, RequestStatus.ACCEPTED);
        assertThat(core.exchanges().thread(agent, draft.id())).hasSize(2);
        assertThat(core.exchanges().thread(me, draft.id())).containsExactly(question);
        assertThat(core.exchanges().receipts(agent, question.id())).hasSize(1);
        assertThatThrownBy(() ->
                        core.requests().get(Principal.usager(tenant, core.ids().newUsagerId()), draft.id()))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThatThrownBy(() -> NewRequest.of("Bad Code", claire, Channel.WEB, FormData.empty()))
                .isInstanceOf(ValidationException.class);
    }
}
