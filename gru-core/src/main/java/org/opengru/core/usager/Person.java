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

    public Person {
        Checks.required("id", id);
        Checks.required("tenant", tenant);
        Checks.required("familyName", familyName);
        Checks.required("givenNames", givenNames);
        Checks.required("contact", contact);
    }

    /** A person known by their names only, as declared; the rest can be added later. */
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
