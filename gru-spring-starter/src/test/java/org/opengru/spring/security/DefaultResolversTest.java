package org.opengru.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.identity.FranceConnectIdentity;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.token.ValidatedIdToken;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;

class DefaultResolversTest {

    private static final TenantId TENANT = TenantId.of("saint-martin");

    private static FranceConnectLogin agentLogin(Map<String, Object> claims) {
        Instant at = Instant.parse("2026-03-02T07:00:00Z");
        var token = new ValidatedIdToken("raw", "https://pc", "sub-1", AcrLevel.EIDAS1, List.of(), at, at, claims);
        var identity = FranceConnectIdentity.fromClaims("https://pc", "sub-1", claims);
        return new FranceConnectLogin("saint-martin", token, identity, "at", at, null);
    }

    private static AgentRelyingParties.AgentLogin settings(Set<String> defaultTeams) {
        // The relying party is not used by the resolver.
        return new AgentRelyingParties.AgentLogin(
                null, "email", Map.of("agent@saint-martin.fr", Set.of("enfance")), defaultTeams);
    }

    @Test
    void anAgentGetsTheTeamsListedForTheLowerCasedClaim() {
        var agent = DefaultResolvers.agents()
                .resolve(TENANT, agentLogin(Map.of("email", "Agent@Saint-Martin.FR")), settings(Set.of()));
        assertThat(agent.agent().value()).isEqualTo("agent@saint-martin.fr");
        assertThat(agent.teams()).containsExactly(TeamId.of("enfance"));
    }

    @Test
    void anAgentWithoutTeamIsRefusedUnlessThereAreDefaultTeams() {
        var stranger = agentLogin(Map.of("email", "stranger@example.org"));
        assertThatThrownBy(() -> DefaultResolvers.agents().resolve(TENANT, stranger, settings(Set.of())))
                .isInstanceOf(DisabledException.class)
                .hasMessageContaining("stranger@example.org");
        assertThat(DefaultResolvers.agents()
                        .resolve(TENANT, stranger, settings(Set.of("accueil")))
                        .teams())
                .containsExactly(TeamId.of("accueil"));
    }

    @Test
    void anAgentWithoutTheClaimIsRefused() {
        assertThatThrownBy(() -> DefaultResolvers.agents()
                        .resolve(TENANT, agentLogin(Map.of("given_name", "Jean")), settings(Set.of("accueil"))))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("email");
    }

    @Test
    void theTenantComesFromTheParameterWhenKnownOrIsTheOnlyOne() {
        TenantResolver two = DefaultResolvers.tenants(List.of("saint-martin", "val-de-loire"));
        MockHttpServletRequest asked = new MockHttpServletRequest();
        asked.setParameter("tenant", "val-de-loire");
        assertThat(two.resolve(asked)).hasValue(TenantId.of("val-de-loire"));
        MockHttpServletRequest unknown = new MockHttpServletRequest();
        unknown.setParameter("tenant", "elsewhere");
        assertThat(two.resolve(unknown)).isEmpty();
        assertThat(two.resolve(new MockHttpServletRequest())).isEmpty();
        assertThat(DefaultResolvers.tenants(List.of("saint-martin")).resolve(new MockHttpServletRequest()))
                .hasValue(TENANT);
    }
}
