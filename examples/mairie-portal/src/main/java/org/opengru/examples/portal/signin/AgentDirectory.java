package org.opengru.examples.portal.signin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.springframework.stereotype.Component;

/**
 * The commune's agents, their ProConnect e-mail address and their teams: who may sign in to the agents'
 * side and what they may see. A real installation fills it from its own directory (LDAP, HR software);
 * the demo profile fills it at startup.
 */
@Component
public class AgentDirectory {

    /**
     * An agent of the commune.
     *
     * @param email the address ProConnect returns for the agent (its {@code email} claim), the key of the
     *     directory
     */
    public record Agent(AgentId id, String name, String email, Set<TeamId> teams) {
        public Agent {
            email = email.strip().toLowerCase(Locale.ROOT);
            teams = Set.copyOf(teams);
        }
    }

    private final List<Agent> agents = new CopyOnWriteArrayList<>();

    public void add(Agent agent) {
        agents.removeIf(a -> a.id().equals(agent.id()) || a.email().equals(agent.email()));
        agents.add(agent);
    }

    public List<Agent> all() {
        return List.copyOf(agents);
    }

    /** The agent with this ProConnect e-mail address (case does not matter). */
    public Optional<Agent> byEmail(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return agents.stream().filter(a -> a.email().equals(key)).findFirst();
    }
}
