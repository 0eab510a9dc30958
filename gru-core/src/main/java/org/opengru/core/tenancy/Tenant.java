package org.opengru.core.tenancy;

import java.util.Set;
import org.opengru.core.internal.Checks;

/**
 * A collectivité: its id, kind, display name and the INSEE codes of the communes it serves (one for a
 * commune, several for an intercommunalité or a syndicate).
 *
 * @param id the collectivité's id
 * @param kind commune, intercommunalité or syndicat
 * @param name its display name, at most 200 characters
 * @param communeCodes the INSEE codes of the communes it serves
 */
public record Tenant(TenantId id, TenantKind kind, String name, Set<String> communeCodes) {

    /**
     * Checks every part; each commune code must be an INSEE COG code.
     *
     * @param id the collectivité's id
     * @param kind commune, intercommunalité or syndicat
     * @param name its display name, at most 200 characters
     * @param communeCodes the INSEE codes of the communes it serves
     * @throws org.opengru.core.error.ValidationException naming the bad part and its value
     */
    public Tenant {
        Checks.required("tenant.id", id);
        Checks.required("tenant.kind", kind);
        name = Checks.text("tenant.name", name, 200);
        communeCodes = Set.copyOf(Checks.required("tenant.communeCodes", communeCodes));
        for (String code : communeCodes) {
            Checks.matches(
                    "tenant.communeCodes",
                    code,
                    java.util.regex.Pattern.compile("[0-9][0-9AB][0-9]{3}"),
                    "an INSEE COG code");
        }
    }
}
