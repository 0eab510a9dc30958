package org.opengru.franceconnect.apiparticulier;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * The habilitation: for each démarche of the commune, the datasets it is entitled to read. A call
 * outside it is refused before any network traffic (data minimisation, article L144-8 CRPA).
 *
 * <pre>{@code
 * Habilitations h = Habilitations.builder()
 *         .allow("inscription-cantine", ApiParticulierScope.QUOTIENT_FAMILIAL)
 *         .allow("bourse-communale-etudiant", ApiParticulierScope.STATUT_ETUDIANT_BOURSIER)
 *         .build();
 * }</pre>
 */
public final class Habilitations {
    static final Pattern DEMARCHE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Map<String, Set<ApiParticulierScope>> allowed;

    private Habilitations(Map<String, Set<ApiParticulierScope>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean allows(String demarche, ApiParticulierScope scope) {
        Set<ApiParticulierScope> scopes = allowed.get(demarche);
        return scopes != null && scopes.contains(scope);
    }

    /** Throws {@link ScopeNotAllowedException} unless the démarche may read this dataset. */
    public void check(String demarche, ApiParticulierScope scope) {
        if (!allows(demarche, scope)) {
            throw new ScopeNotAllowedException(demarche, scope);
        }
    }

    public Set<ApiParticulierScope> scopesOf(String demarche) {
        return allowed.getOrDefault(demarche, Set.of());
    }

    public static final class Builder {
        private final Map<String, Set<ApiParticulierScope>> allowed = new LinkedHashMap<>();

        private Builder() {}

        public Builder allow(String demarche, ApiParticulierScope first, ApiParticulierScope... more) {
            if (demarche == null || !DEMARCHE.matcher(demarche).matches()) {
                throw new InvalidConfigurationException("demarche", demarche, "must match " + DEMARCHE.pattern());
            }
            if (first == null) {
                throw new InvalidConfigurationException("scope", null, "is required");
            }
            Set<ApiParticulierScope> set =
                    allowed.computeIfAbsent(demarche, d -> EnumSet.noneOf(ApiParticulierScope.class));
            set.add(first);
            set.addAll(java.util.List.of(more));
            return this;
        }

        public Habilitations build() {
            Map<String, Set<ApiParticulierScope>> copy = new LinkedHashMap<>();
            allowed.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return new Habilitations(copy);
        }
    }
}
