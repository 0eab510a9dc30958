package org.opengru.examples.portal.signin;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.springframework.stereotype.Component;

/**
 * The commune's agents and their teams. A real installation reads them from its directory (LDAP,
 * ProConnect); the demo profile fills it at startup.
 */
@Component
public class AgentDirectory {

    /** An agent of the commune. */
    public record Agent(AgentId id, String name, Set<TeamId> teams) {}

    private final List<Agent> agents = new CopyOnWriteArrayList<>();

    public void add(Agent agent) {
        agents.removeIf(a -> a.id().equals(agent.id()));
        agents.add(agent);
    }

    public List<Agent> all() {
        return List.copyOf(agents);
    }

    public Optional<Agent> find(String id) {
        return agents.stream().filter(a -> a.id().value().equals(id)).findFirst();
    }
}
