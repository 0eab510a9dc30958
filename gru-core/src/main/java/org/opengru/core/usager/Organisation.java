package org.opengru.core.usager;

import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.RnaNumber;
import org.opengru.core.value.Siren;
import org.opengru.core.value.Siret;

/**
 * A company (identified by its SIREN, optionally one establishment's SIRET) or an association (by its RNA
 * number, optionally a SIRET when it has one). A SIRET must belong to the SIREN.
 *
 * @param id the usager's id
 * @param tenant the collectivité
 * @param kind {@link UsagerKind#COMPANY} or {@link UsagerKind#ASSOCIATION}
 * @param name its name (raison sociale, or the association's title), at most 200 characters
 * @param siren its SIREN (taken from the SIRET when absent), required for a company
 * @param siret one establishment's SIRET, or {@code null}
 * @param rna the association's RNA number, required for an association
 * @param contact its contact details
 */
public record Organisation(
        UsagerId id,
        TenantId tenant,
        UsagerKind kind,
        String name,
        @Nullable Siren siren,
        @Nullable Siret siret,
        @Nullable RnaNumber rna,
        Contact contact)
        implements Usager {

    /**
     * Checks the identifiers the kind requires and that the SIRET belongs to the SIREN.
     *
     * @param id the usager's id
     * @param tenant the collectivité
     * @param kind {@link UsagerKind#COMPANY} or {@link UsagerKind#ASSOCIATION}
     * @param name its name (raison sociale, or the association's title), at most 200 characters
     * @param siren its SIREN (taken from the SIRET when absent), required for a company
     * @param siret one establishment's SIRET, or {@code null}
     * @param rna the association's RNA number, required for an association
     * @param contact its contact details
     * @throws org.opengru.core.error.ValidationException naming the missing or mismatched identifier
     */
    public Organisation {
        Checks.required("id", id);
        Checks.required("tenant", tenant);
        Checks.required("kind", kind);
        Checks.check(
                kind == UsagerKind.COMPANY || kind == UsagerKind.ASSOCIATION,
                "kind",
                kind,
                "must be COMPANY or ASSOCIATION");
        name = Checks.text("name", name, 200);
        if (siren == null && siret != null) {
            siren = siret.siren();
        }
        if (kind == UsagerKind.COMPANY) {
            Checks.check(siren != null, "siren", null, "is required for a company");
        } else {
            Checks.check(rna != null, "rna", null, "is required for an association");
        }
        if (siret != null && siren != null) {
            Checks.check(siret.siren().equals(siren), "siret", siret, "does not belong to SIREN " + siren);
        }
        Checks.required("contact", contact);
    }

    /**
     * A company, by the SIRET of the establishment dealing with the collectivité.
     *
     * @param id the usager's id
     * @param tenant the collectivité
     * @param name its raison sociale
     * @param siret the establishment's SIRET (its SIREN follows)
     * @param contact its contact details
     * @return the organisation
     */
    public static Organisation company(UsagerId id, TenantId tenant, String name, Siret siret, Contact contact) {
        return new Organisation(id, tenant, UsagerKind.COMPANY, name, siret.siren(), siret, null, contact);
    }

    /**
     * An association, by its RNA number.
     *
     * @param id the usager's id
     * @param tenant the collectivité
     * @param name its title
     * @param rna its RNA number
     * @param contact its contact details
     * @return the organisation
     */
    public static Organisation association(UsagerId id, TenantId tenant, String name, RnaNumber rna, Contact contact) {
        return new Organisation(id, tenant, UsagerKind.ASSOCIATION, name, null, null, rna, contact);
    }

    @Override
    public String displayName() {
        return name;
    }
}
