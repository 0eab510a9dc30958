package org.opengru.core.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ProcedureCode;

/**
 * The team lead's dashboard (tableau de bord) over some weeks: requests received, decided and pending per
 * démarche and per week, implicit decisions at risk, the median processing time and the satisfaction
 * scores. Counts only: nothing in it names a request or a person.
 *
 * @param firstWeek the Monday of the first week shown
 * @param asOf the instant the figures were read at (the last week stops there)
 * @param procedures one line per démarche with at least one request, sorted by code
 * @param weeks one line per week, oldest first, empty weeks included
 * @param atRisk per démarche and kind of implicit decision, the open requests whose deadline is past or
 *     near; only démarches with at least one
 * @param medianProcessingDays median of (decision - receipt) in days over the decisions of the period
 * @param satisfaction the survey answers of the period, per démarche of the teams
 * @param riskDays how near an implicit decision counts as at risk, in days
 */
public record TeamDashboard(
        LocalDate firstWeek,
        Instant asOf,
        int riskDays,
        List<ProcedureLine> procedures,
        List<WeekLine> weeks,
        List<RiskLine> atRisk,
        @Nullable Double medianProcessingDays,
        List<SatisfactionLine> satisfaction) {

    /**
     * Copies the lists.
     *
     * @param firstWeek the Monday of the first week shown
     * @param asOf the instant the figures were read at (the last week stops there)
     * @param riskDays how near an implicit decision counts as at risk, in days
     * @param procedures one line per démarche with at least one request, sorted by code
     * @param weeks one line per week, oldest first, empty weeks included
     * @param atRisk per démarche and kind of implicit decision, the open requests whose deadline is past or
     *     near; only démarches with at least one
     * @param medianProcessingDays median of (decision - receipt) in days over the decisions of the period
     * @param satisfaction the survey answers of the period, per démarche of the teams
     */
    public TeamDashboard {
        procedures = List.copyOf(procedures);
        weeks = List.copyOf(weeks);
        atRisk = List.copyOf(atRisk);
        satisfaction = List.copyOf(satisfaction);
    }

    /**
     * One démarche over the period.
     *
     * @param received received in the period
     * @param decided decided in the period (whenever received)
     * @param pending open now (whenever received)
     * @param procedure the démarche
     * @param medianProcessingDays the median time from receipt to decision, in days, or {@code null}
     */
    public record ProcedureLine(
            ProcedureCode procedure,
            int received,
            int decided,
            int pending,
            @Nullable Double medianProcessingDays) {}

    /**
     * One week, Monday to Sunday in the collectivité's zone.
     *
     * @param pendingAtEnd open at the end of the week (or now, for the current week)
     * @param monday the week's Monday
     * @param received requests received that week
     * @param decided requests decided that week
     */
    public record WeekLine(LocalDate monday, int received, int decided, int pendingAtEnd) {}

    /**
     * Open requests of one démarche whose implicit decision is near.
     *
     * @param outcome what silence will mean: acceptation (SVA) or rejet (SVR)
     * @param overdue requests whose implicit decision is already born, the sweeper not having run yet
     * @param dueSoon requests whose implicit decision is born within {@link #riskDays()} days
     * @param procedure the démarche
     */
    public record RiskLine(ProcedureCode procedure, ImplicitDecision outcome, int overdue, int dueSoon) {}

    /**
     * The answers to the satisfaction survey for one démarche, all channels together.
     *
     * @param distribution how many answered 1, 2, 3, 4 and 5 (indexes 0 to 4)
     * @param procedureCode the démarche
     * @param responses how many answered
     */
    public record SatisfactionLine(String procedureCode, long responses, long[] distribution) {

        /**
         * Copies the distribution.
         *
         * @param procedureCode the démarche
         * @param responses how many answered
         * @param distribution how many answered 1, 2, 3, 4 and 5 (indexes 0 to 4)
         */
        public SatisfactionLine {
            distribution = distribution.clone();
        }

        /**
         * How many answered each score (a copy).
         *
         * @return five counts
         */
        @Override
        public long[] distribution() {
            return distribution.clone();
        }

        /**
         * The mean score, or null without answers.
         *
         * @return the mean, from 1 to 5
         */
        public @Nullable Double mean() {
            long sum = 0;
            for (int i = 0; i < distribution.length; i++) {
                sum += (i + 1) * distribution[i];
            }
            return responses == 0 ? null : (double) sum / responses;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SatisfactionLine s
                    && s.procedureCode.equals(procedureCode)
                    && s.responses == responses
                    && Arrays.equals(s.distribution, distribution);
        }

        @Override
        public int hashCode() {
            return procedureCode.hashCode() * 31 + Arrays.hashCode(distribution);
        }

        @Override
        public String toString() {
            return procedureCode + ": " + responses + " " + Arrays.toString(distribution);
        }
    }

    /**
     * Requests received over the period, every démarche.
     *
     * @return the count
     */
    public int received() {
        return procedures.stream().mapToInt(ProcedureLine::received).sum();
    }

    /**
     * Requests decided over the period, every démarche.
     *
     * @return the count
     */
    public int decided() {
        return procedures.stream().mapToInt(ProcedureLine::decided).sum();
    }

    /**
     * Requests open now, every démarche.
     *
     * @return the count
     */
    public int pending() {
        return procedures.stream().mapToInt(ProcedureLine::pending).sum();
    }

    /**
     * Open requests whose implicit decision is already born or within the risk window.
     *
     * @return the count
     */
    public int atRiskCount() {
        return atRisk.stream().mapToInt(r -> r.overdue() + r.dueSoon()).sum();
    }
}
