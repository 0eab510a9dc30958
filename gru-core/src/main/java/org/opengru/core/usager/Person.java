package org.opengru.core.usager;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A natural person. The identity is kept per attribute with its provenance, so that a certified birth
 * date and a declared given name can coexist; a certified attribute cannot be overwritten by a
 * declaration ({@link #withIdentity}).
 *
 * @param id the usager's id
 * @param tenant the collectivité
 * @param familyName the nom de naissance
 * @param usedName the nom d'usage, or {@code null}
 * @param givenNames the given names in civil order
 * @param birthDate the birth date, or {@code null} when unknown
 * @param birthPlace the commune of birth (COG code), or {@code null}
 * @param birthCountry the country of birth (COG code), or {@code null}
 * @param gender the gender, or {@code null}
 * @param contact the contact details
 */
public record Person(
        UsagerId id,
        TenantId tenant,
        Attested<String> familyName,
        @Nullable Attested<String> usedName,
        Attested<List<String>> givenNames,
        @Nullable Attested<java.time.LocalDate> birthDate,
        @Nullable Attested<org.opengru.core.value.CogCode> birthPlace,
        @Nullable Attested<org.opengru.core.value.CogCode> birthCountry,
        @Nullable Attested<Gender> gender,
        Contact contact)
        implements Usager {

    /**
     * Checks that id, collectivité, names and contact are present.
     *
     * @param id the usager's id
     * @param tenant the collectivité
     * @param familyName the nom de naissance
     * @param usedName the nom d'usage, or {@code null}
     * @param givenNames the given names in civil order
     * @param birthDate the birth date, or {@code null} when unknown
     * @param birthPlace the commune of birth (COG code), or {@code null}
     * @param birthCountry the country of birth (COG code), or {@code null}
     * @param gender the gender, or {@code null}
     * @param contact the contact details
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public Person {
        Checks.required("id", id);
        Checks.required("tenant", tenant);
        Checks.required("familyName", familyName);
        Checks.required("givenNames", givenNames);
        Checks.required("contact", contact);
    }

    /**
     * A person known by their names only, as declared; the rest can be added later.
     *
     * @param id the usager's id
     * @param tenant the collectivité
     * @param familyName the family name, at most 100 characters
     * @param givenNames at least one given name
     * @param contact the contact details
     * @param at when they were declared
     * @return the person
     * @throws org.opengru.core.error.ValidationException naming {@code familyName} or {@code givenNames} and the value
     */
    public static Person declared(
            UsagerId id, TenantId tenant, String familyName, List<String> givenNames, Contact contact, Instant at) {
        Checks.text("familyName", familyName, 100);
        Checks.check(!givenNames.isEmpty(), "givenNames", givenNames, "must name at least one given name");
        return new Person(
                id,
                tenant,
                Attested.declared(familyName.strip(), at),
                null,
                Attested.declared(List.copyOf(givenNames), at),
                null,
                null,
                null,
                null,
                contact);
    }

    /**
     * This person with every pivot attribute replaced by the given identity and provenance. A {@link
     * Provenance#DECLARED} identity may not replace an attribute that was checked: the refused attribute is
     * named in the {@link ValidationException}.
     *
     * @param identity the identité pivot
     * @param provenance where it comes from
     * @param at when it was received or checked
     * @param by who vouches for it, or {@code null}
     * @return the person with that identity
     */
    public Person withIdentity(PivotIdentity identity, Provenance provenance, Instant at, @Nullable String by) {
        if (provenance == Provenance.DECLARED) {
            refuseIfChecked("familyName", familyName);
            refuseIfChecked("givenNames", givenNames);
            refuseIfChecked("birthDate", birthDate);
            refuseIfChecked("birthPlace", birthPlace);
            refuseIfChecked("birthCountry", birthCountry);
            refuseIfChecked("gender", gender);
        }
        return new Person(
                id,
                tenant,
                new Attested<>(identity.familyName(), provenance, at, by),
                usedName,
                new Attested<>(identity.givenNames(), provenance, at, by),
                new Attested<>(identity.birthDate(), provenance, at, by),
                identity.birthPlace() == null ? null : new Attested<>(identity.birthPlace(), provenance, at, by),
                new Attested<>(identity.birthCountry(), provenance, at, by),
                new Attested<>(identity.gender(), provenance, at, by),
                contact);
    }

    private static void refuseIfChecked(String field, @Nullable Attested<?> attribute) {
        if (attribute != null && attribute.provenance().checked()) {
            throw new ValidationException(
                    field,
                    attribute.value(),
                    "is " + attribute.provenance() + " and cannot be overwritten by a declaration");
        }
    }

    /**
     * This person with other contact details, the identity unchanged.
     *
     * @param newContact the new contact details
     * @return the updated person
     */
    public Person withContact(Contact newContact) {
        return new Person(
                id,
                tenant,
                familyName,
                usedName,
                givenNames,
                birthDate,
                birthPlace,
                birthCountry,
                gender,
                Checks.required("contact", newContact));
    }

    @Override
    public UsagerKind kind() {
        return UsagerKind.PERSON;
    }

    @Override
    public String displayName() {
        return String.join(" ", givenNames.value()) + " " + (usedName != null ? usedName.value() : familyName.value());
    }
}
