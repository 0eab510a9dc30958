package org.opengru.core.stats;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;

/**
 * One line of the open-data table: the requests of one démarche received in one month (Europe/Paris),
 * and what became of them so far.
 *
 * @param medianProcessingDays median of (decision - receipt) in days over the decided ones, or null
 * @param procedure the démarche
 * @param month the month of receipt
 * @param received requests received (empty in the CSV below the minimum count)
 * @param decided of those, decided so far
 * @param accepted of those, accepted
 * @param rejected of those, rejected
 * @param closedWithoutFollowUp of those, closed without follow-up (classées sans suite)
 * @param implicitDecisions of those, decided by silence (SVA/SVR)
 */
public record StatisticsRow(
        ProcedureCode procedure,
        YearMonth month,
        int received,
        int decided,
        int accepted,
        int rejected,
        int closedWithoutFollowUp,
        int implicitDecisions,
        @Nullable Double medianProcessingDays) {}
