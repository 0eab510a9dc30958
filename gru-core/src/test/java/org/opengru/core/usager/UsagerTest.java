package org.opengru.core.usager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.CogCode;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.RnaNumber;
import org.opengru.core.value.Siret;

class UsagerTest {

    private static final TenantId T = TenantId.of("ville-test");
    private static final Instant AT = Instant.parse("2026-01-15T09:30:00Z");

    private static UsagerId id() {
        return UsagerId.of(UUID.randomUUID());
    }

    @Test
    void identityAttributesKeepTheirProvenance_andADeclarationCannotOverwriteACertifiedValue() {
        Person p = Person.declared(id(), T, "Martin", List.of("Claire"), Contact.none(), AT);
        assertThat(p.familyName().provenance()).isEqualTo(Provenance.DECLARED);
        PivotIdentity pivot = new PivotIdentity(
                "MARTIN",
                List.of("Claire", "Anne"),
                LocalDate.of(1985, 4, 2),
                CogCode.parse("69266"),
                CogCode.FRANCE,
                Gender.FEMALE);
        Person certified = p.withIdentity(pivot, Provenance.FRANCECONNECT_CERTIFIED, AT, "fc-idp");
        assertThat(certified.birthDate().value()).isEqualTo(LocalDate.of(1985, 4, 2));
        assertThat(certified.birthPlace().provenance()).isEqualTo(Provenance.FRANCECONNECT_CERTIFIED);
        assertThatThrownBy(() -> certified.withIdentity(pivot, Provenance.DECLARED, AT, null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("familyName"));
        assertThat(certified
                        .withIdentity(pivot, Provenance.AGENT_VERIFIED, AT, "agent.dupont")
                        .familyName()
                        .provenance())
                .isEqualTo(Provenance.AGENT_VERIFIED);
    }

    @Test
    void pivotIdentity_birthPlaceOnlyForBirthsInFrance() {
        assertThatThrownBy(() -> new PivotIdentity(
                        "Garcia",
                        List.of("Ana"),
                        LocalDate.of(1990, 1, 1),
                        CogCode.parse("75056"),
                        CogCode.parse("99134"),
                        Gender.FEMALE))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("birthPlace"));
        assertThatThrownBy(() -> new PivotIdentity(
                        "Martin", List.of("Léo"), LocalDate.of(2019, 1, 1), null, CogCode.FRANCE, Gender.MALE))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("birthPlace"));
        assertThat(new PivotIdentity(
                                "Garcia",
                                List.of("Ana"),
                                LocalDate.of(1990, 1, 1),
                                null,
                                CogCode.parse("99134"),
                                Gender.FEMALE)
                        .birthPlace())
                .isNull();
    }

    @Test
    void organisations() {
        Organisation company =
                Organisation.company(id(), T, "Boulangerie Martin", Siret.parse("73282932000074"), Contact.none());
        assertThat(company.siren().value()).isEqualTo("732829320");
        Organisation asso =
                Organisation.association(id(), T, "Amicale laïque", RnaNumber.parse("W691234567"), Contact.none());
        assertThat(asso.kind()).isEqualTo(UsagerKind.ASSOCIATION);
        assertThatThrownBy(() -> new Organisation(
                        id(),
                        T,
                        UsagerKind.COMPANY,
                        "X",
                        org.opengru.core.value.Siren.parse("443061841"),
                        Siret.parse("73282932000074"),
                        null,
                        Contact.none()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("siret"));
    }

    @Test
    void contact_electronicChannelsNeedConsent() {
        assertThatThrownBy(() -> new Contact(
                        Attested.declared(EmailAddress.parse("a@b.fr"), AT),
                        null,
                        null,
                        Set.of(NotificationChannel.EMAIL),
                        null))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("notificationChannels"));
        assertThat(new Contact(
                                Attested.declared(EmailAddress.parse("a@b.fr"), AT),
                                null,
                                null,
                                Set.of(NotificationChannel.EMAIL),
                                AT)
                        .notificationChannels())
                .containsExactly(NotificationChannel.EMAIL);
    }

    @Test
    void representations_householdAndMandates_notTransitive_andTimeBound() {
        UsagerStore usagers = UsagerStore.inMemory();
        MandateStore mandates = MandateStore.inMemory();
        UsagerId parent = id();
        UsagerId spouse = id();
        UsagerId child = id();
        UsagerId grandma = id();
        UsagerId household = id();
        usagers.save(new Household(
                household,
                T,
                "Foyer",
                List.of(
                        new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                        new HouseholdMember(spouse, HouseholdMember.Relationship.SPOUSE_OR_PARTNER, false),
                        new HouseholdMember(child, HouseholdMember.Relationship.CHILD, false)),
                Contact.none()));
        Mandate m = new Mandate(
                UUID.randomUUID(), T, grandma, spouse, Mandate.Kind.POWER_OF_ATTORNEY, AT, AT.plusSeconds(3600), null);
        mandates.save(m);
        Representations reps = new Representations(usagers, mandates);
        assertThat(reps.actsFor(T, parent, AT)).containsExactlyInAnyOrder(parent, household, child);
        assertThat(reps.actsFor(T, spouse, AT)).containsExactlyInAnyOrder(spouse, grandma);
        assertThat(reps.mayActFor(T, spouse, grandma, AT.plusSeconds(3600)))
                .as("expired")
                .isFalse();
        assertThat(reps.mayActFor(T, parent, grandma, AT)).as("not transitive").isFalse();
        mandates.save(m.revoke(AT.plusSeconds(60)));
        assertThat(reps.mayActFor(T, spouse, grandma, AT.plusSeconds(120)))
                .as("revoked")
                .isFalse();
        assertThat(reps.actsFor(TenantId.of("autre"), parent, AT)).containsExactly(parent);
    }
}
