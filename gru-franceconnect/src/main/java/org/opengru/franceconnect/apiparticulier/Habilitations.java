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

    /**
     * Starts an empty set of habilitations: nothing is allowed until {@link Builder#allow} says so.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the démarche may read this dataset.
     *
     * @param demarche the démarche code
     * @param scope the dataset
     * @return {@code true} when the scope was granted to the démarche
     */
    public boolean allows(String demarche, ApiParticulierScope scope) {
        Set<ApiParticulierScope> scopes = allowed.get(demarche);
        return scopes != null && scopes.contains(scope);
    }

    /**
     * Throws {@link ScopeNotAllowedException} unless the démarche may read this dataset.
     *
     * @param demarche the démarche code
     * @param scope the dataset the call would read
     * @throws ScopeNotAllowedException when the scope was not granted; nothing is sent then
     */
    public void check(String demarche, ApiParticulierScope scope) {
        if (!allows(demarche, scope)) {
            throw new ScopeNotAllowedException(demarche, scope);
        }
    }

    /**
     * The datasets a démarche may read.
     *
     * @param demarche the démarche code
     * @return its scopes, empty for an unknown démarche
     */
    public Set<ApiParticulierScope> scopesOf(String demarche) {
        return allowed.getOrDefault(demarche, Set.of());
    }

    /** Builds {@link Habilitations}; each call adds scopes to a démarche. */
    public static final class Builder {
        private final Map<String, Set<ApiParticulierScope>> allowed = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Grants datasets to a démarche, as the collectivité's API Particulier habilitation lists them.
         *
         * @param demarche a lower-case code ({@code [a-z0-9][a-z0-9._-]{0,63}}), as in {@link CallContext}
         * @param first a dataset
         * @param more further datasets
         * @return this builder
         * @throws InvalidConfigurationException when the code or the first scope is invalid
         */
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

        /**
         * Freezes the habilitations.
         *
         * @return an immutable copy
         */
        public Habilitations build() {
            Map<String, Set<ApiParticulierScope>> copy = new LinkedHashMap<>();
            allowed.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return new Habilitations(copy);
        }
    }
}
