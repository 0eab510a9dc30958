package org.opengru.spring.security;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.opengru.franceconnect.identity.IdentityPivot;
import org.opengru.franceconnect.link.AccountLinkStore;
import org.opengru.franceconnect.link.UsagerLinker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;

/** The default resolvers. */
final class DefaultResolvers {

    private DefaultResolvers() {}

    static TenantResolver tenants(List<String> configured) {
        Set<String> known = Set.copyOf(configured);
        return request -> {
            String asked = request.getParameter("tenant");
            if (asked != null && known.contains(asked)) {
                return Optional.of(TenantId.of(asked));
            }
            return known.size() == 1 ? Optional.of(TenantId.of(known.iterator().next())) : Optional.empty();
        };
    }

    static UsagerResolver usagers(UsagerLinker linker, AccountLinkStore links, UsagerStore usagers, Clock clock) {
        return (tenant, login) -> {
            try {
                Optional<Person> known = linker.recognise(tenant, login);
                if (known.isPresent()) {
                    return Principal.usager(tenant, known.get().id());
                }
            } catch (NotFoundException e) {
                // The link outlived an in-memory usager store (restart): recreate the usager under its id.
                var link = links.find(
                                tenant,
                                login.idToken().issuer(),
                                login.idToken().subject())
                        .orElseThrow(() -> e);
                IdentityPivot pivot = login.identity().pivot();
                if (pivot == null) {
                    throw new BadCredentialsException("FranceConnect returned no identité pivot", e);
                }
                usagers.save(Person.declared(
                        link.usager(),
                        tenant,
                        pivot.familyName(),
                        pivot.givenNames(),
                        Contact.none(),
                        clock.instant()));
                return Principal.usager(
                        tenant, linker.recognise(tenant, login).orElseThrow().id());
            }
            return Principal.usager(tenant, linker.createUsager(tenant, login).id());
        };
    }

    static AgentResolver agents() {
        return (tenant, login, settings) -> {
            Object claim = login.identity().claims().get(settings.agentClaim());
            if (!(claim instanceof String id) || id.isBlank()) {
                throw new BadCredentialsException(
                        "the agent provider returned no '" + settings.agentClaim() + "' claim");
            }
            String agent = id.strip().toLowerCase(java.util.Locale.ROOT);
            Set<String> teams = settings.teamsOf(agent);
            if (teams.isEmpty()) {
                throw new DisabledException("agent " + agent + " belongs to no team of " + tenant.value());
            }
            Set<TeamId> teamIds = new LinkedHashSet<>();
            teams.forEach(t -> teamIds.add(TeamId.of(t)));
            AgentPrincipal principal = Principal.agent(tenant, AgentId.of(agent), teamIds);
            return principal;
        };
    }
}
