package org.opengru.spring.franceconnect;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.Siret;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.apiparticulier.ApiParticulierClient;
import org.opengru.franceconnect.apiparticulier.ApiParticulierConfig;
import org.opengru.franceconnect.apiparticulier.ApiParticulierScope;
import org.opengru.franceconnect.apiparticulier.Habilitations;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.rp.ClientAuthentication;
import org.opengru.franceconnect.rp.Platform;
import org.opengru.franceconnect.rp.ProviderKind;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.franceconnect.rp.RelyingPartyConfig;
import org.opengru.franceconnect.rp.UserInfoFormat;
import org.opengru.spring.GruProperties;
import org.opengru.spring.Secret;
import org.opengru.spring.TenantProperties;
import org.springframework.core.io.ResourceLoader;

/** Builds the relying parties and API Particulier clients of every tenant from the properties. */
final class FranceConnectTenants {

    static final List<String> DEFAULT_SCOPES = List.of(
            "openid",
            "given_name",
            "family_name",
            "birthdate",
            "gender",
            "birthplace",
            "birthcountry",
            "email",
            "preferred_username",
            // Which identity provider vouched: provenance franceconnect:<idp_id> on the certified attributes.
            "idp_id");
    static final List<String> DEFAULT_AGENT_SCOPES =
            List.of("openid", "email", "given_name", "usual_name", "uid", "idp_id");

    private FranceConnectTenants() {}

    static List<RelyingParty> residents(
            GruProperties properties, LoginFlowStore store, Clock clock, ResourceLoader resources) {
        List<RelyingParty> out = new ArrayList<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.FranceConnect fc = properties.tenant(id).franceconnect();
            if (fc == null || !enabled(fc.enabled(), fc.clientId(), fc.redirectUri())) {
                continue;
            }
            String prefix = "gru.tenants." + id + ".franceconnect.";
            boolean plus = fc.acr() != null && !fc.acr().equals("eidas1");
            RelyingPartyConfig.Builder b = RelyingPartyConfig.builder(id);
            if (fc.issuer() != null) {
                b.provider(plus ? ProviderKind.FRANCECONNECT_PLUS : ProviderKind.FRANCECONNECT, fc.issuer());
            } else {
                boolean production = fc.platform() == TenantProperties.Platform.PRODUCTION;
                b.platform(
                        plus
                                ? production
                                        ? Platform.FRANCECONNECT_PLUS_PRODUCTION
                                        : Platform.FRANCECONNECT_PLUS_INTEGRATION
                                : production ? Platform.FRANCECONNECT_PRODUCTION : Platform.FRANCECONNECT_INTEGRATION);
            }
            if (fc.decryptionKeys() != null) {
                b.decryptionKeys(jwks(prefix + "decryption-keys", fc.decryptionKeys(), resources));
            }
            RelyingParty rp = build(
                    id,
                    prefix,
                    b,
                    fc.clientId(),
                    () -> clientAuthentication(
                            id,
                            prefix,
                            fc.clientAuthentication(),
                            fc.clientSecret(),
                            fc.clientAssertionKeys(),
                            resources),
                    fc.redirectUri(),
                    fc.postLogoutRedirectUri(),
                    fc.scopes() != null ? fc.scopes() : DEFAULT_SCOPES,
                    fc.acr() != null ? fc.acr() : "eidas1",
                    fc.signingAlgorithm() != null ? fc.signingAlgorithm() : "ES256",
                    fc.userinfoFormat(),
                    List.of(),
                    store,
                    clock);
            check(id, rp, Boolean.TRUE.equals(fc.checkAtStartup()));
            out.add(rp);
        }
        return out;
    }

    static Map<String, AgentRelyingParties.AgentLogin> agents(
            GruProperties properties, LoginFlowStore store, Clock clock, ResourceLoader resources) {
        Map<String, AgentRelyingParties.AgentLogin> out = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.AgentLogin pc = properties.tenant(id).proconnect();
            if (pc == null || !enabled(pc.enabled(), pc.clientId(), pc.redirectUri())) {
                continue;
            }
            String prefix = "gru.tenants." + id + ".proconnect.";
            if (pc.issuer() == null) {
                throw new MissingClientIdException(id, prefix + "issuer");
            }
            RelyingPartyConfig.Builder b =
                    RelyingPartyConfig.builder(id).provider(ProviderKind.FRANCECONNECT, pc.issuer());
            RelyingParty rp = build(
                    id,
                    prefix,
                    b,
                    pc.clientId(),
                    () -> clientAuthentication(
                            id,
                            prefix,
                            pc.clientAuthentication(),
                            pc.clientSecret(),
                            pc.clientAssertionKeys(),
                            resources),
                    pc.redirectUri(),
                    pc.postLogoutRedirectUri(),
                    pc.scopes() != null ? pc.scopes() : DEFAULT_AGENT_SCOPES,
                    "eidas1",
                    pc.signingAlgorithm() != null ? pc.signingAlgorithm() : "RS256",
                    pc.userinfoFormat(),
                    pc.prompt() != null ? pc.prompt() : List.of(),
                    store,
                    clock);
            check(id, rp, Boolean.TRUE.equals(pc.checkAtStartup()));
            Map<String, Set<String>> teams = new HashMap<>();
            if (pc.teams() != null) {
                pc.teams().forEach((agent, list) -> teams.put(agent, new LinkedHashSet<>(list)));
            }
            out.put(
                    id,
                    new AgentRelyingParties.AgentLogin(
                            rp,
                            pc.agentClaim() != null ? pc.agentClaim() : "email",
                            teams,
                            pc.defaultTeams() != null ? new LinkedHashSet<>(pc.defaultTeams()) : Set.of()));
        }
        return out;
    }

    /**
     * @param rateLimiter holds every tenant's calls under the per-token limit; on PostgreSQL one limiter
     *     shared by the nodes of the deployment
     */
    static Map<TenantId, ApiParticulierClient> apiParticulier(
            GruProperties properties,
            AuditTrail audit,
            Clock clock,
            org.opengru.franceconnect.apiparticulier.ratelimit.ApiParticulierRateLimiter rateLimiter) {
        Map<TenantId, ApiParticulierClient> out = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.ApiParticulier api = properties.tenant(id).apiParticulier();
            if (api == null || api.token() == null) {
                continue;
            }
            String prefix = "gru.tenants." + id + ".api-particulier.";
            if (api.recipient() == null) {
                throw new MissingClientIdException(id, prefix + "recipient");
            }
            try {
                Habilitations.Builder habilitations = Habilitations.builder();
                if (api.habilitations() != null) {
                    for (Map.Entry<String, List<String>> h : api.habilitations().entrySet()) {
                        List<ApiParticulierScope> scopes = h.getValue().stream()
                                .map(code -> ApiParticulierScope.valueOf(code.trim()
                                        .toUpperCase(java.util.Locale.ROOT)
                                        .replace('-', '_')))
                                .toList();
                        if (!scopes.isEmpty()) {
                            habilitations.allow(
                                    h.getKey(),
                                    scopes.get(0),
                                    scopes.subList(1, scopes.size()).toArray(ApiParticulierScope[]::new));
                        }
                    }
                }
                ApiParticulierConfig.Builder config = ApiParticulierConfig.builder(TenantId.of(id))
                        .token(api.token().reveal())
                        .recipient(Siret.parse(api.recipient()))
                        .habilitations(habilitations.build());
                if (api.baseUrl() != null) {
                    config.baseUri(api.baseUrl());
                }
                if (api.timeout() != null) {
                    config.timeout(api.timeout());
                }
                out.put(TenantId.of(id), ApiParticulierClient.create(config.build(), audit, clock, rateLimiter));
            } catch (RuntimeException e) {
                throw new InvalidSignInConfigurationException(prefix.substring(0, prefix.length() - 1), e);
            }
        }
        return out;
    }

    private static JWKSet jwks(String property, String location, ResourceLoader resources) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return JWKSet.load(in);
        } catch (IOException | ParseException e) {
            throw new InvalidSignInConfigurationException(
                    property,
                    new IllegalArgumentException("cannot read a JWK set from " + location + ": " + e.getMessage(), e));
        }
    }

    private static boolean enabled(@Nullable Boolean enabled, @Nullable String clientId, @Nullable URI redirectUri) {
        return enabled != null ? enabled : clientId != null || redirectUri != null;
    }

    private static RelyingParty build(
            String tenant,
            String prefix,
            RelyingPartyConfig.Builder b,
            @Nullable String clientId,
            Supplier<ClientAuthentication> clientAuthentication,
            @Nullable URI redirectUri,
            @Nullable URI postLogoutRedirectUri,
            List<String> scopes,
            String acr,
            String algorithm,
            @Nullable String userinfoFormat,
            List<String> prompt,
            LoginFlowStore store,
            Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new MissingClientIdException(tenant, prefix + "client-id");
        }
        ClientAuthentication authentication = clientAuthentication.get();
        if (redirectUri == null) {
            throw new MissingClientIdException(tenant, prefix + "redirect-uri");
        }
        try {
            b.clientId(clientId)
                    .clientAuthentication(authentication)
                    .redirectUri(redirectUri)
                    .scopes(new LinkedHashSet<>(scopes).toArray(String[]::new))
                    .acr(AcrLevel.parse(acr).orElseThrow())
                    .signingAlgorithm(JWSAlgorithm.parse(algorithm));
            if (postLogoutRedirectUri != null) {
                b.postLogoutRedirectUri(postLogoutRedirectUri);
            }
            if (!prompt.isEmpty()) {
                b.prompt(prompt.toArray(String[]::new));
            }
            if ("plain-json".equals(userinfoFormat)) {
                b.userInfoFormat(UserInfoFormat.PLAIN_JSON);
            }
            return RelyingParty.builder(b.build()).store(store).clock(clock).build();
        } catch (FranceConnectException e) {
            throw new InvalidSignInConfigurationException(prefix.substring(0, prefix.length() - 1), e);
        }
    }

    /** The token endpoint's authentication: the client secret, or client assertions signed with a key. */
    private static ClientAuthentication clientAuthentication(
            String tenant,
            String prefix,
            @Nullable String method,
            @Nullable Secret clientSecret,
            @Nullable String assertionKeys,
            ResourceLoader resources) {
        if (!"private_key_jwt".equals(method)) {
            if (clientSecret == null || clientSecret.reveal().isBlank()) {
                throw new MissingClientIdException(tenant, prefix + "client-secret");
            }
            return ClientAuthentication.clientSecretPost(clientSecret.reveal());
        }
        String property = prefix + "client-assertion-keys";
        if (assertionKeys == null || assertionKeys.isBlank()) {
            throw new MissingClientIdException(tenant, property);
        }
        List<JWK> signing = jwks(property, assertionKeys, resources).getKeys().stream()
                .filter(JWK::isPrivate)
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .toList();
        if (signing.size() != 1) {
            throw new InvalidSignInConfigurationException(
                    property,
                    new IllegalArgumentException("the JWK set at " + assertionKeys + " holds " + signing.size()
                            + " private signing keys; name exactly one with \"use\": \"sig\""));
        }
        JWK key = signing.get(0);
        try {
            return ClientAuthentication.privateKeyJwt(
                    key, KeyType.EC.equals(key.getKeyType()) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256);
        } catch (FranceConnectException e) {
            throw new InvalidSignInConfigurationException(property, e);
        }
    }

    private static void check(String tenant, RelyingParty rp, boolean atStartup) {
        if (!atStartup) {
            return;
        }
        try {
            rp.metadata();
        } catch (FranceConnectException e) {
            throw new ProviderUnreachableException(tenant, rp.config().issuer(), e);
        }
    }
}
