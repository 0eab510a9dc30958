package org.opengru.core.tenancy;

import java.util.Set;
import org.opengru.core.internal.Checks;

/**
 * A collectivité: its id, kind, display name and the INSEE codes of the communes it serves (one for a
 * commune, several for an intercommunalité or a syndicate).
 */
public record Tenant(TenantId id, TenantKind kind, String name, Set<String> communeCodes) {

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
