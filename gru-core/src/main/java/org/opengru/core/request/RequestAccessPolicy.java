package org.opengru.core.request;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.usager.Representations;

/**
 * Who may see and act on a request. An usager: the requests of the usagers they may act for (themselves,
 * their household and its children, their active mandates), as of now. An agent: the requests routed to
 * one of their teams, except residents' drafts not yet submitted. The system: every request of its collectivité. Nobody: another collectivité's
 * requests. A denial is an {@link AccessDeniedException}, never an empty result.
 */
public final class RequestAccessPolicy {

    private final Representations representations;
    private final Clock clock;

    /**
     * A policy over who acts for whom.
     *
     * @param representations households and mandates
     * @param clock now, since a mandate ends
     */
    public RequestAccessPolicy(Representations representations, Clock clock) {
        this.representations = Objects.requireNonNull(representations, "representations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The roles the principal holds on the request; empty when they may not see it.
     *
     * @param actor the principal
     * @param request the request
     * @return the roles: applicant, keying agent, agent of the team, system
     */
    public Set<ActorRole> rolesOf(Principal actor, Request request) {
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        if (!actor.tenant().equals(request.tenant())) {
            return roles;
        }
        if (actor instanceof UsagerPrincipal u) {
            if (representations.mayActFor(request.tenant(), u.usager(), request.applicant(), clock.instant())) {
                roles.add(ActorRole.APPLICANT);
            }
        } else if (actor instanceof AgentPrincipal a) {
            // A resident's draft is theirs until they submit it; agents see drafts only when keyed in by an agent.
            boolean visible =
                    request.status() != RequestStatus.DRAFT || request.intake().keyedByAgent();
            if (a.memberOf(request.team()) && visible) {
                roles.add(ActorRole.AGENT);
                if (request.intake().keyedByAgent()) {
                    roles.add(ActorRole.KEYING_AGENT);
                }
            }
        } else if (actor instanceof SystemPrincipal) {
            roles.add(ActorRole.SYSTEM);
        }
        return roles;
    }

    /**
     * Whether the principal may read the request.
     *
     * @param actor the principal
     * @param request the request
     * @return {@code true} when they hold a role on it
     */
    public boolean canRead(Principal actor, Request request) {
        return !rolesOf(actor, request).isEmpty();
    }

    /**
     * Nothing if the principal may read the request, else an {@link AccessDeniedException}.
     *
     * @param actor the principal
     * @param request the request
     * @throws AccessDeniedException when they may not
     */
    public void checkRead(Principal actor, Request request) {
        if (!canRead(actor, request)) {
            throw new AccessDeniedException(
                    actor.toString(), "read", "request", request.id().toString());
        }
    }
}
