package org.opengru.core.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.satisfaction.SatisfactionAggregate;
import org.opengru.core.satisfaction.SatisfactionStore;

/**
 * Builds the {@link TeamDashboard} of an agent's teams. Any agent sees the figures of the teams they belong
 * to, and only those: the dashboard holds counts, no request and no person.
 */
public final class TeamDashboards {

    private final CaseFactsSource source;
    private final ProcedureStore procedures;
    private final @Nullable SatisfactionStore surveys;
    private final Clock clock;

    /**
     * Dashboards over the requests' facts, the catalogue and the survey answers.
     *
     * @param surveys the satisfaction answers, or null when the collectivité runs no survey
     * @param source the facts of the requests
     * @param procedures the catalogue, for the démarches' titles
     * @param clock the installation's clock
     */
    public TeamDashboards(
            CaseFactsSource source, ProcedureStore procedures, @Nullable SatisfactionStore surveys, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
        this.surveys = surveys;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What to show.
     *
     * @param weeks how many weeks, the current one included (1 to 53)
     * @param riskDays how near an implicit decision counts as at risk, in days (1 to 92)
     * @param zone the collectivité's zone: weeks run Monday to Sunday there
     * @param teams the teams to count (empty: all the agent's teams)
     */
    public record Query(int weeks, int riskDays, ZoneId zone, Set<TeamId> teams) {

        /**
         * Checks the ranges and copies the teams.
         *
         * @param weeks how many weeks, the current one included (1 to 53)
         * @param riskDays how near an implicit decision counts as at risk, in days (1 to 92)
         * @param zone the collectivité's zone: weeks run Monday to Sunday there
         * @param teams the teams to count (empty: all the agent's teams)
         * @throws org.opengru.core.error.ValidationException naming {@code weeks} or {@code riskDays} when out of range
         */
        public Query {
            if (weeks < 1 || weeks > 53) {
                throw new ValidationException("weeks", weeks, "must be between 1 and 53");
            }
            if (riskDays < 1 || riskDays > 92) {
                throw new ValidationException("riskDays", riskDays, "must be between 1 and 92");
            }
            Objects.requireNonNull(zone, "zone");
            teams = Set.copyOf(Objects.requireNonNull(teams, "teams"));
        }

        /**
         * The last {@code weeks} weeks, at risk within 7 days, all the agent's teams.
         *
         * @param weeks how many weeks
         * @param zone the collectivité's zone
         * @return the query
         */
        public static Query lastWeeks(int weeks, ZoneId zone) {
            return new Query(weeks, 7, zone, Set.of());
        }
    }

    /**
     * The dashboard of the agent's teams (or of {@code query.teams()}, each of which the agent must be a
     * member of: naming another team is an {@link AccessDeniedException}).
     *
     * @param agent the agent
     * @param query what to show
     * @return the dashboard
     */
    public TeamDashboard of(AgentPrincipal agent, Query query) {
        for (TeamId t : query.teams()) {
            if (!agent.memberOf(t)) {
                throw new AccessDeniedException(agent.toString(), "read", "dashboard of team", t.value());
            }
        }
        Set<TeamId> teams = query.teams().isEmpty() ? agent.teams() : query.teams();
        Instant now = clock.instant();
        LocalDate firstWeek = LocalDate.ofInstant(now, query.zone())
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(query.weeks() - 1L);
        Instant from = firstWeek.atStartOfDay(query.zone()).toInstant();
        List<CaseFacts> facts = teams.isEmpty() ? List.of() : source.of(agent.tenant(), teams, from, now);

        Map<ProcedureCode, ImplicitDecision> outcomes = new HashMap<>();
        List<String> teamProcedures = new ArrayList<>();
        for (Procedure p : procedures.catalogue(agent.tenant())) {
            outcomes.put(p.code(), p.implicitDecision().decision());
            if (teams.contains(p.team())) {
                teamProcedures.add(p.code().value());
            }
        }

        return new TeamDashboard(
                firstWeek,
                now,
                query.riskDays(),
                byProcedure(facts, from, now),
                byWeek(facts, firstWeek, query, now),
                atRisk(facts, outcomes, now, now.plus(Duration.ofDays(query.riskDays()))),
                OpenDataStatistics.median(processingDays(facts, from, now)),
                satisfaction(agent, teamProcedures, from, now));
    }

    private static List<TeamDashboard.ProcedureLine> byProcedure(List<CaseFacts> facts, Instant from, Instant to) {
        Map<ProcedureCode, List<CaseFacts>> groups =
                new TreeMap<>(java.util.Comparator.comparing(ProcedureCode::value));
        facts.forEach(f ->
                groups.computeIfAbsent(f.procedure(), k -> new ArrayList<>()).add(f));
        List<TeamDashboard.ProcedureLine> out = new ArrayList<>();
        groups.forEach((code, g) -> out.add(new TeamDashboard.ProcedureLine(
                code,
                (int) g.stream().filter(f -> within(f.receivedAt(), from, to)).count(),
                (int) g.stream()
                        .filter(f -> f.decided() && within(f.decidedAt(), from, to))
                        .count(),
                (int) g.stream().filter(CaseFacts::open).count(),
                OpenDataStatistics.median(processingDays(g, from, to)))));
        return out;
    }

    private static List<TeamDashboard.WeekLine> byWeek(
            List<CaseFacts> facts, LocalDate firstWeek, Query query, Instant now) {
        List<TeamDashboard.WeekLine> out = new ArrayList<>();
        for (int w = 0; w < query.weeks(); w++) {
            LocalDate monday = firstWeek.plusWeeks(w);
            Instant start = monday.atStartOfDay(query.zone()).toInstant();
            Instant end = monday.plusWeeks(1).atStartOfDay(query.zone()).toInstant();
            Instant cut = end.isAfter(now) ? now : end;
            int received = 0;
            int decided = 0;
            int pending = 0;
            for (CaseFacts f : facts) {
                if (within(f.receivedAt(), start, end)) {
                    received++;
                }
                if (f.decided() && within(f.decidedAt(), start, end)) {
                    decided++;
                }
                // Open at the end of the week: received by then, and not decided by then. A withdrawn
                // request's withdrawal time is not in the facts: it counts as open until now.
                boolean receivedBy = f.receivedAt().isBefore(cut);
                boolean closedBy = f.decidedAt() != null && f.decidedAt().isBefore(cut);
                boolean gone = f.status() == org.opengru.core.request.RequestStatus.WITHDRAWN && f.decidedAt() == null;
                if (receivedBy && !closedBy && !gone) {
                    pending++;
                }
            }
            out.add(new TeamDashboard.WeekLine(monday, received, decided, pending));
        }
        return out;
    }

    private static List<TeamDashboard.RiskLine> atRisk(
            List<CaseFacts> facts, Map<ProcedureCode, ImplicitDecision> outcomes, Instant now, Instant horizon) {
        record Key(ProcedureCode procedure, ImplicitDecision outcome) {}
        Map<Key, int[]> counts = new TreeMap<>(
                java.util.Comparator.comparing((Key k) -> k.procedure().value()).thenComparing(Key::outcome));
        for (CaseFacts f : facts) {
            Instant due = f.implicitDueAt();
            if (!f.open() || due == null || due.isAfter(horizon)) {
                continue;
            }
            ImplicitDecision outcome = outcomes.getOrDefault(f.procedure(), ImplicitDecision.ACCEPTANCE);
            int[] c = counts.computeIfAbsent(new Key(f.procedure(), outcome), k -> new int[2]);
            c[due.isAfter(now) ? 1 : 0]++;
        }
        List<TeamDashboard.RiskLine> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new TeamDashboard.RiskLine(k.procedure(), k.outcome(), c[0], c[1])));
        return out;
    }

    private List<TeamDashboard.SatisfactionLine> satisfaction(
            AgentPrincipal agent, List<String> teamProcedures, Instant from, Instant to) {
        if (surveys == null) {
            return List.of();
        }
        Map<String, long[]> merged = new TreeMap<>();
        for (SatisfactionAggregate a : surveys.aggregate(agent.tenant(), from, to)) {
            if (!teamProcedures.contains(a.procedureCode())) {
                continue;
            }
            long[] d = merged.computeIfAbsent(a.procedureCode(), k -> new long[5]);
            long[] add = a.distribution();
            for (int i = 0; i < 5; i++) {
                d[i] += add[i];
            }
        }
        List<TeamDashboard.SatisfactionLine> out = new ArrayList<>();
        merged.forEach((code, d) -> out.add(new TeamDashboard.SatisfactionLine(
                code, java.util.Arrays.stream(d).sum(), d)));
        return out;
    }

    private static List<Double> processingDays(List<CaseFacts> facts, Instant from, Instant to) {
        List<Double> days = new ArrayList<>();
        for (CaseFacts f : facts) {
            if (f.decided() && within(f.decidedAt(), from, to)) {
                days.add(Duration.between(f.receivedAt(), f.decidedAt()).toMinutes() / 1440.0);
            }
        }
        return days;
    }

    private static boolean within(@Nullable Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
