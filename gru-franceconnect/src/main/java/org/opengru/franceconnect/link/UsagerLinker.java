package org.opengru.franceconnect.link;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.PivotIdentity;
import org.opengru.core.usager.Provenance;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.CogCode;
import org.opengru.core.value.EmailAddress;
import org.opengru.franceconnect.identity.Birthdate;
import org.opengru.franceconnect.identity.IdentityPivot;
import org.opengru.franceconnect.rp.FranceConnectLogin;

/**
 * Maps FranceConnect sign-ins onto gru-core usagers.
 *
 * <ul>
 *   <li>{@link #recognise}: an account already linked yields its usager, whose pivot attributes are
 *       refreshed as {@link Provenance#FRANCECONNECT_CERTIFIED}.
 *   <li>{@link #createUsager}: a new usager from the certified pivot (the e-mail is kept as a declared
 *       contact, never as an identifier).
 *   <li>{@link #linkOnPivot} / {@link #linkOnConfirmation}: an existing usager, only if all six pivot
 *       attributes match, or if the usager confirmed while signed in to that account. FranceConnect's
 *       rules forbid reconciliation on the e-mail address: there is no such method.
 * </ul>
 */
public final class UsagerLinker {
    private final UsagerStore usagers;
    private final AccountLinkStore links;
    private final IdGenerator ids;
    private final Clock clock;

    /**
     * A linker over the collectivité's usagers and the account links.
     *
     * @param usagers the usagers
     * @param links the account links
     * @param ids the new usagers' identifiers
     * @param clock the time of the links and certifications
     */
    public UsagerLinker(UsagerStore usagers, AccountLinkStore links, IdGenerator ids, Clock clock) {
        this.usagers = Objects.requireNonNull(usagers, "usagers");
        this.links = Objects.requireNonNull(links, "links");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The usager already linked to this FranceConnect account, refreshed; empty for a first sign-in.
     *
     * @param tenant the collectivité of the sign-in
     * @param login the completed FranceConnect sign-in
     * @return the usager with the pivot refreshed, or empty
     */
    public Optional<Person> recognise(TenantId tenant, FranceConnectLogin login) {
        Optional<AccountLink> link =
                links.find(tenant, login.idToken().issuer(), login.idToken().subject());
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (usagers.find(tenant, link.get().usager()).isEmpty()) {
            // The usager was erased (RGPD art. 17): the link is stale and this is a first sign-in again.
            links.deleteByUsager(tenant, link.get().usager());
            return Optional.empty();
        }
        Person person = person(tenant, link.get().usager());
        IdentityPivot pivot = login.identity().pivot();
        if (pivot != null) {
            person = person.withIdentity(
                    toCore(pivot), Provenance.FRANCECONNECT_CERTIFIED, clock.instant(), identityProvider(login));
            usagers.save(person);
        }
        return Optional.of(person);
    }

    /**
     * A new usager from the certified identité pivot, linked to the FranceConnect account.
     *
     * @param tenant the collectivité of the sign-in
     * @param login the completed FranceConnect sign-in
     * @return the new usager, its identity certified
     * @throws IncompletePivotException when the sign-in has no complete identité pivot
     * @throws AlreadyLinkedException when the account was linked meanwhile (two sign-ins at once)
     */
    public Person createUsager(TenantId tenant, FranceConnectLogin login) {
        IdentityPivot pivot = requirePivot(login);
        Instant now = clock.instant();
        Person person = Person.declared(
                        ids.newUsagerId(), tenant, pivot.familyName(), pivot.givenNames(), contact(login, now), now)
                .withIdentity(toCore(pivot), Provenance.FRANCECONNECT_CERTIFIED, now, identityProvider(login));
        link(tenant, login, person.id(), LinkBasis.CREATED, "system:franceconnect");
        usagers.save(person);
        return person;
    }

    /**
     * Links an existing usager whose six pivot attributes (family name, given names, birth date, birth
     * place, birth country, gender) equal FranceConnect's; its attributes become certified.
     *
     * @param tenant the collectivité of the sign-in
     * @param login the completed FranceConnect sign-in
     * @param candidate the existing usager the application found
     * @return the linked usager
     * @throws PivotMismatchException naming the first attribute that is missing or differs
     */
    public Person linkOnPivot(TenantId tenant, FranceConnectLogin login, UsagerId candidate) {
        IdentityPivot pivot = requirePivot(login);
        Person person = person(tenant, candidate);
        PivotIdentity expected = toCore(pivot);
        check("familyName", same(person.familyName().value(), expected.familyName()));
        check(
                "givenNames",
                person.givenNames().value().stream()
                        .map(UsagerLinker::norm)
                        .toList()
                        .equals(expected.givenNames().stream()
                                .map(UsagerLinker::norm)
                                .toList()));
        check(
                "birthDate",
                person.birthDate() != null && person.birthDate().value().equals(expected.birthDate()));
        check(
                "birthCountry",
                person.birthCountry() != null && person.birthCountry().value().equals(expected.birthCountry()));
        check(
                "birthPlace",
                expected.birthPlace() == null
                        ? person.birthPlace() == null
                        : person.birthPlace() != null
                                && person.birthPlace().value().equals(expected.birthPlace()));
        check("gender", person.gender() != null && person.gender().value() == expected.gender());
        return certifyAndLink(tenant, login, person, pivot, LinkBasis.PIVOT_MATCH, "system:franceconnect");
    }

    /**
     * Links the signed-in usager's own account on their explicit confirmation, given while signed in to
     * it in the same session as this FranceConnect sign-in; its pivot attributes become certified. Only
     * the account of the principal can be linked, in the collectivité of the sign-in.
     *
     * @param confirmedBy the signed-in usager, who confirms
     * @param login the completed FranceConnect sign-in
     * @return the linked usager
     * @throws AccessDeniedException when the sign-in belongs to another collectivité
     */
    public Person linkOnConfirmation(UsagerPrincipal confirmedBy, FranceConnectLogin login) {
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        TenantId tenant = confirmedBy.tenant();
        if (!tenant.value().equals(login.tenantId())) {
            throw new AccessDeniedException(
                    confirmedBy.toString(), "link a FranceConnect account of", "collectivité", login.tenantId());
        }
        IdentityPivot pivot = requirePivot(login);
        Person person = person(tenant, confirmedBy.usager());
        return certifyAndLink(
                tenant,
                login,
                person,
                pivot,
                LinkBasis.EXPLICIT_CONFIRMATION,
                confirmedBy.ref().toString());
    }

    private Person certifyAndLink(
            TenantId tenant, FranceConnectLogin login, Person person, IdentityPivot pivot, LinkBasis basis, String by) {
        Person certified = person.withIdentity(
                toCore(pivot), Provenance.FRANCECONNECT_CERTIFIED, clock.instant(), identityProvider(login));
        link(tenant, login, person.id(), basis, by);
        usagers.save(certified);
        return certified;
    }

    private void link(TenantId tenant, FranceConnectLogin login, UsagerId usager, LinkBasis basis, String by) {
        links.save(new AccountLink(
                tenant, login.idToken().issuer(), login.idToken().subject(), usager, basis, clock.instant(), by));
    }

    private Person person(TenantId tenant, UsagerId id) {
        Usager usager = usagers.find(tenant, id).orElseThrow(() -> new NotFoundException("usager", id.toString()));
        if (!(usager instanceof Person person)) {
            throw new ValidationException("usager", id.toString(), "is a " + usager.kind() + ", not a person");
        }
        return person;
    }

    private static IdentityPivot requirePivot(FranceConnectLogin login) {
        IdentityPivot pivot = login.identity().pivot();
        if (pivot == null) {
            throw new IncompletePivotException();
        }
        return pivot;
    }

    private static void check(String attribute, boolean matches) {
        if (!matches) {
            throw new PivotMismatchException(attribute);
        }
    }

    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    /** Case and surrounding spaces do not distinguish names; accents and hyphens do. */
    private static String norm(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static String identityProvider(FranceConnectLogin login) {
        Object idp = login.idToken().claims().get("idp_id");
        return "franceconnect" + (idp instanceof String s && s.matches("[A-Za-z0-9._-]{1,64}") ? ":" + s : "");
    }

    private static Contact contact(FranceConnectLogin login, Instant now) {
        String email = login.identity().email();
        Attested<EmailAddress> attested = null;
        if (email != null) {
            try {
                attested = Attested.declared(EmailAddress.parse(email), now);
            } catch (ValidationException unusable) {
                attested = null; // a contact detail, not an identity: drop it rather than fail the sign-in
            }
        }
        return new Contact(attested, null, null, Set.of(NotificationChannel.PORTAL), null);
    }

    /**
     * The gru-core identité pivot. A presumed birth date ({@code YYYY-MM-00}, {@code YYYY-00-00}) is
     * given as the first of the month or year, the other convention FranceConnect itself uses.
     *
     * @param pivot FranceConnect's pivot
     * @return gru-core's pivot identity
     */
    public static PivotIdentity toCore(IdentityPivot pivot) {
        Birthdate b = pivot.birthdate();
        LocalDate birthDate = LocalDate.of(b.year(), b.month() == 0 ? 1 : b.month(), b.day() == 0 ? 1 : b.day());
        @Nullable CogCode birthPlace = pivot.bornInFrance() ? CogCode.parse(pivot.birthplace()) : null;
        List<String> givenNames = pivot.givenNames();
        return new PivotIdentity(
                pivot.familyName(),
                givenNames,
                birthDate,
                birthPlace,
                CogCode.parse(pivot.birthcountry()),
                pivot.gender() == org.opengru.franceconnect.identity.Gender.MALE ? Gender.MALE : Gender.FEMALE);
    }
}
