package org.opengru.examples.portal.agent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opengru.core.GruCore;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.WorkQueueQuery;
import org.springframework.stereotype.Component;

/**
 * The residents known to the agent's teams: the applicants and beneficiaries of their latest requests, open
 * then closed, newest first, read through the library's work queue (so with the agent's own access rights).
 */
@Component
class TeamsResidents implements KeyInResidents {

    /** Requests read per view: the form lists at most twice as many residents. */
    private static final int LATEST = 200;

    private final GruCore core;

    TeamsResidents(GruCore core) {
        this.core = core;
    }

    @Override
    public List<UsagerId> forAgent(AgentPrincipal agent) {
        Set<UsagerId> residents = new LinkedHashSet<>();
        for (WorkQueueQuery.View view : WorkQueueQuery.View.values()) {
            WorkQueueQuery latest = WorkQueueQuery.builder()
                    .view(view)
                    .sort(WorkQueueQuery.Sort.NEWEST)
                    .limit(LATEST)
                    .build();
            for (Request r : core.requests().workQueue(agent, latest).requests()) {
                residents.add(r.applicant());
                if (r.beneficiary() != null) {
                    residents.add(r.beneficiary());
                }
            }
        }
        return List.copyOf(residents);
    }
}
