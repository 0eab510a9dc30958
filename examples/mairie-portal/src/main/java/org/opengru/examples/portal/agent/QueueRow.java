package org.opengru.examples.portal.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.id.AgentId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.Request;

/**
 * A request as the work queue shows it: its implicit-decision date, the days left and whether it is
 * overdue or due within seven days (said in words, not by colour alone), and who has it in hand.
 */
public record QueueRow(
        Request request,
        @Nullable LocalDate decisionDate,
        @Nullable String daysLeft,
        boolean overdue,
        boolean dueSoon,
        @Nullable String assignee,
        boolean mine,
        boolean canTake) {

    /** @param agentNames an agent's name from the commune's directory ({@code Labels#agent}) */
    static QueueRow of(
            Request r, LocalDate today, Instant now, AgentPrincipal agent, Function<AgentId, String> agentNames) {
        ImplicitDeadline d = r.status().pending() ? r.deadline() : null;
        AgentId assignedTo = r.assignee();
        boolean mine = agent.agent().equals(assignedTo);
        String assignee = assignedTo == null ? null : mine ? "Vous" : agentNames.apply(assignedTo);
        if (d == null) {
            return new QueueRow(
                    r, null, null, false, false, assignee, mine, r.status().pending() && !mine);
        }
        long days = d.daysLeft(today);
        boolean overdue = d.running() && !now.isBefore(d.dueAt());
        String left;
        if (!d.running()) {
            left = "suspendu en attente de compléments";
        } else if (overdue || days < 0) {
            left = days >= 0 ? "dépassée" : "dépassée de " + plural(-days);
        } else {
            left = days == 0 ? "dernier jour" : plural(days) + " restant" + (days > 1 ? "s" : "");
        }
        return new QueueRow(r, d.date(), left, overdue, d.running() && !overdue && days <= 7, assignee, mine, !mine);
    }

    private static String plural(long days) {
        return days + (days > 1 ? " jours" : " jour");
    }
}
