package org.opengru.franceconnect.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.PivotIdentity;
import org.opengru.core.usager.Provenance;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.CogCode;
import org.opengru.core.value.EmailAddress;
import org.opengru.franceconnect.identity.FranceConnectIdentity;
import org.opengru.franceconnect.identity.IdentityPivot;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.token.ValidatedIdToken;
import org.opengru.test.MutableClock;

class UsagerLinkerTest {
    static final TenantId TENANT = TenantId.of("commune-69123");
    static final String ISSUER = "https://oidc.franceconnect.gouv.fr/api/v2";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final UsagerStore usagers = UsagerStore.inMemory();
    private final AccountLinkStore links = new InMemoryAccountLinkStore();
    private final IdGenerator ids = IdGenerator.create(clock);
    private final UsagerLinker linker = new UsagerLinker(usagers, links, ids, clock);

    static FranceConnectLogin login(String sub, String birthdate, String email) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("given_name", "Angela Claire Louise");
        claims.put("family_name", "DUBOIS");
        claims.put("birthdate", birthdate);
        claims.put("gender", "female");
        claims.put("birthplace", "75107");
        claims.put("birthcountry", "99100");
        claims.put("email", email);
        ValidatedIdToken idToken = new ValidatedIdToken(
                "raw",
                ISSUER,
                sub,
                AcrLevel.EIDAS1,
                List.of(),
                null,
                Instant.parse("2026-03-02T10:01:00Z"),
                Map.of("idp_id", "impots"));
        return new FranceConnectLogin(
                "commune-69123",
                idToken,
                FranceConnectIdentity.fromClaims(ISSUER, sub, claims),
                "at",
                Instant.EPOCH,
                null);
    }

    private Person declaredPerson(LocalDate birthDate, String email) {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        Contact contact =
                new Contact(Attested.declared(EmailAddress.parse(email), at), null, null, java.util.Set.of(), null);
        Person person = Person.declared(
                        ids.newUsagerId(), TENANT, "Dubois", List.of("ANGELA", "CLAIRE", "LOUISE"), contact, at)
                .withIdentity(
                        new PivotIdentity(
                                "DUBOIS",
                                List.of("Angela", "Claire", "Louise"),
                                birthDate,
                                CogCode.parse("75107"),
                                CogCode.FRANCE,
                                Gender.FEMALE),
                        Provenance.DECLARED,
                        at,
                        null);
        usagers.save(person);
        return person;
    }

    @Test
    void a_first_sign_in_creates_an_usager_with_certified_attributes_and_is_recognised_next_time() {
        FranceConnectLogin first = login("sub-1", "1962-08-24", "angela@example.fr");
        assertThat(linker.recognise(TENANT, first)).isEmpty();
        Person created = linker.createUsager(TENANT, first);
        assertThat(created.birthDate().value()).isEqualTo(LocalDate.of(1962, 8, 24));
        assertThat(created.birthDate().provenance()).isEqualTo(Provenance.FRANCECONNECT_CERTIFIED);
        assertThat(created.birthDate().by()).isEqualTo("franceconnect:impots");
        assertThat(created.givenNames().value()).containsExactly("Angela", "Claire", "Louise");
        assertThat(created.contact().email().provenance()).isEqualTo(Provenance.DECLARED);

        clock.advance(java.time.Duration.ofDays(30));
        Person again = linker.recognise(TENANT, login("sub-1", "1962-08-24", "new@example.fr"))
                .orElseThrow();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(again.familyName().at()).isEqualTo(clock.instant());
        assertThat(links.find(TENANT, ISSUER, "sub-1").orElseThrow().basis()).isEqualTo(LinkBasis.CREATED);
    }

    @Test
    void an_erased_usager_signs_in_afresh_and_the_links_follow_the_identity_in_erasure() {
        FranceConnectLogin first = login("sub-1", "1962-08-24", "angela@example.fr");
        Person created = linker.createUsager(TENANT, first);
        AccountLinkSubjectData section = new AccountLinkSubjectData(links, usagers);
        assertThat(section.collect(TENANT, created.id())).asList().hasSize(1);

        // Kept while the identity is (a request under retention names it).
        assertThat(section.erase(TENANT, created.id()))
                .isEqualTo(new org.opengru.core.rgpd.ErasureOutcome(
                        "franceconnect", 0, 1, AccountLinkSubjectData.LEGAL_BASIS));
        assertThat(links.byUsager(TENANT, created.id())).hasSize(1);

        // Erased with the identity.
        usagers.delete(TENANT, created.id());
        assertThat(section.erase(TENANT, created.id()))
                .isEqualTo(new org.opengru.core.rgpd.ErasureOutcome("franceconnect", 1, 0, null));
        assertThat(links.find(TENANT, ISSUER, "sub-1")).isEmpty();

        // A link left behind by an erasure without this section is stale: a first sign-in again.
        Person again = linker.createUsager(TENANT, first);
        usagers.delete(TENANT, again.id());
        assertThat(linker.recognise(TENANT, first)).isEmpty();
        Person third = linker.createUsager(TENANT, first);
        assertThat(third.id()).isNotIn(created.id(), again.id());
        assertThat(linker.recognise(TENANT, first))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(third.id()));
    }

    @Test
    void an_existing_usager_is_linked_when_all_six_pivot_attributes_match() {
        Person existing = declaredPerson(LocalDate.of(1962, 8, 24), "angela@example.fr");
        Person linked = linker.linkOnPivot(TENANT, login("sub-2", "1962-08-24", "other@example.fr"), existing.id());
        assertThat(linked.id()).isEqualTo(existing.id());
        assertThat(linked.gender().provenance()).isEqualTo(Provenance.FRANCECONNECT_CERTIFIED);
        assertThat(links.find(TENANT, ISSUER, "sub-2").orElseThrow().basis()).isEqualTo(LinkBasis.PIVOT_MATCH);
    }

    @Test
    void the_same_email_never_links_an_usager_whose_pivot_differs() {
        Person homonym = declaredPerson(LocalDate.of(1963, 8, 24), "angela@example.fr");
        assertThatThrownBy(() ->
                        linker.linkOnPivot(TENANT, login("sub-3", "1962-08-24", "angela@example.fr"), homonym.id()))
                .isInstanceOfSatisfying(
                        PivotMismatchException.class,
                        e -> assertThat(e.attribute()).isEqualTo("birthDate"));
        assertThat(links.find(TENANT, ISSUER, "sub-3")).isEmpty();
        assertThat(((Person) usagers.find(TENANT, homonym.id()).orElseThrow())
                        .birthDate()
                        .provenance())
                .isEqualTo(Provenance.DECLARED);
    }

    @Test
    void an_usager_known_by_name_only_cannot_be_linked_on_the_pivot() {
        Person nameOnly = Person.declared(
                ids.newUsagerId(),
                TENANT,
                "DUBOIS",
                List.of("Angela", "Claire", "Louise"),
                Contact.none(),
                clock.instant());
        usagers.save(nameOnly);
        assertThatThrownBy(
                        () -> linker.linkOnPivot(TENANT, login("sub-4", "1962-08-24", "a@example.fr"), nameOnly.id()))
                .isInstanceOf(PivotMismatchException.class);
    }

    @Test
    void an_explicit_confirmation_links_once() {
        Person existing = declaredPerson(LocalDate.of(1970, 1, 1), "angela@example.fr");
        FranceConnectLogin login = login("sub-5", "1962-08-24", "a@example.fr");
        Person linked = linker.linkOnConfirmation(new UsagerPrincipal(TENANT, existing.id()), login);
        // FranceConnect's certified values replace the declared ones.
        assertThat(linked.birthDate().value()).isEqualTo(LocalDate.of(1962, 8, 24));
        assertThat(links.find(TENANT, ISSUER, "sub-5").orElseThrow().basis())
                .isEqualTo(LinkBasis.EXPLICIT_CONFIRMATION);
        assertThatThrownBy(() -> linker.createUsager(TENANT, login)).isInstanceOf(AlreadyLinkedException.class);
    }

    @Test
    void a_confirmation_links_only_the_signed_in_usager_of_the_sign_ins_collectivite() {
        Person existing = declaredPerson(LocalDate.of(1970, 1, 1), "angela@example.fr");
        FranceConnectLogin login = login("sub-7", "1962-08-24", "a@example.fr");
        UsagerPrincipal elsewhere = new UsagerPrincipal(TenantId.of("commune-75056"), existing.id());
        assertThatThrownBy(() -> linker.linkOnConfirmation(elsewhere, login)).isInstanceOf(AccessDeniedException.class);
        assertThat(links.find(TENANT, ISSUER, "sub-7")).isEmpty();
        assertThat(usagers.find(TENANT, existing.id()).orElseThrow()).isEqualTo(existing);
    }

    @Test
    void a_sign_in_without_the_pivot_scopes_cannot_create_or_link() {
        Map<String, Object> claims = Map.of("sub", "sub-6", "email", "a@example.fr");
        ValidatedIdToken idToken =
                new ValidatedIdToken("raw", ISSUER, "sub-6", AcrLevel.EIDAS1, List.of(), null, Instant.EPOCH, Map.of());
        FranceConnectLogin login = new FranceConnectLogin(
                "commune-69123",
                idToken,
                FranceConnectIdentity.fromClaims(ISSUER, "sub-6", claims),
                "at",
                Instant.EPOCH,
                null);
        assertThatThrownBy(() -> linker.createUsager(TENANT, login)).isInstanceOf(IncompletePivotException.class);
    }

    @Test
    void presumed_dates_and_births_abroad_map_onto_the_core_pivot() {
        IdentityPivot abroad = IdentityPivot.fromClaims(Map.of(
                        "given_name", "Ana",
                        "family_name", "SILVA",
                        "birthdate", "1980-00-00",
                        "gender", "female",
                        "birthplace", "",
                        "birthcountry", "99139"))
                .orElseThrow();
        PivotIdentity core = UsagerLinker.toCore(abroad);
        assertThat(core.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(core.birthPlace()).isNull();
        assertThat(core.birthCountry()).isEqualTo(CogCode.parse("99139"));
    }
}
