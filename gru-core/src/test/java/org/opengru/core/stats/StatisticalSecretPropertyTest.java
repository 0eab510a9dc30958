package org.opengru.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.ProcedureCode;

/**
 * The secret statistique holds against an attacker who reads the CSV and knows how its columns are
 * linked: {@code decided = accepted + rejected + closed_without_follow_up}, {@code received >= decided
 * >= implicit_decisions >= 0}. The checker below is independent of the suppression code: it narrows
 * each empty cell to an interval by propagating these relations to a fixed point, and a small count
 * whose interval is a single value has been recomputed.
 */
class StatisticalSecretPropertyTest {

    private static final int RECEIVED = 0;
    private static final int DECIDED = 1;
    private static final int ACCEPTED = 2;
    private static final int REJECTED = 3;
    private static final int CLOSED = 4;
    private static final int IMPLICIT = 5;
    private static final long UNBOUNDED = Long.MAX_VALUE / 16;

    /** A table row from generated numbers: undecided, accepted, rejected, closed, implicit share, median. */
    private static StatisticsRow row(int month, List<Integer> n) {
        int decided = n.get(1) + n.get(2) + n.get(3);
        int implicit = decided == 0 ? 0 : n.get(4) % (decided + 1);
        return new StatisticsRow(
                ProcedureCode.of("inscription-cantine"),
                YearMonth.of(2026, 1).plusMonths(month),
                decided + n.get(0),
                decided,
                n.get(1),
                n.get(2),
                n.get(3),
                implicit,
                decided == 0 ? null : n.get(5) / 2.0);
    }

    @Test
    void noSmallCountCanBeRecomputedFromThePublishedCells() {
        qt().withExamples(2000)
                .forAll(
                        integers().between(0, 7),
                        lists().of(lists().of(integers().between(0, 9)).ofSize(6))
                                .ofSizeBetween(1, 12))
                .checkAssert(this::protectedTable);
    }

    @Test
    void withoutComplementarySuppressionALoneHiddenOutcomeIsTheDifferenceOfTheOthers() {
        // 40 decided: 38 accepted, 2 rejected, 0 closed; with only the 2 hidden, it is 40 - 38 - 0.
        StatisticsRow r = new StatisticsRow(
                ProcedureCode.of("inscription-cantine"), YearMonth.of(2026, 3), 42, 40, 38, 2, 0, 3, 6.5);
        String line = new OpenDataStatistics(3).csv(List.of(r)).split("\r\n")[1];
        assertThat(line).isEqualTo("inscription-cantine,2026-03,42,40,38,,,3,6.5");
        assertThat(recomputed(r, line, 3)).isEmpty();
    }

    private void protectedTable(int k, List<List<Integer>> numbers) {
        List<StatisticsRow> rows = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            rows.add(row(i, numbers.get(i)));
        }
        String[] lines = new OpenDataStatistics(k).csv(rows).split("\r\n", -1);
        for (int i = 0; i < rows.size(); i++) {
            StatisticsRow r = rows.get(i);
            String[] cells = lines[i + 1].split(",", -1);
            assertThat(recomputed(r, lines[i + 1], k))
                    .as("%s with k=%d", lines[i + 1], k)
                    .isEmpty();
            if (!cells[8].isEmpty()) {
                assertThat(cells[3])
                        .as("median beside %s (k=%d)", lines[i + 1], k)
                        .isNotEmpty();
                assertThat(r.decided() == 0 || r.decided() >= k).isTrue();
            }
        }
    }

    /** The small counts of the row an attacker pins to one value from the published line. */
    private static List<String> recomputed(StatisticsRow r, String line, int k) {
        String[] cells = line.split(",", -1);
        int[] truth = {
            r.received(), r.decided(), r.accepted(), r.rejected(), r.closedWithoutFollowUp(), r.implicitDecisions()
        };
        long[] lo = new long[6];
        long[] hi = new long[6];
        for (int i = 0; i < 6; i++) {
            String c = cells[2 + i];
            if (c.isEmpty()) {
                hi[i] = UNBOUNDED;
            } else {
                assertThat(Integer.parseInt(c))
                        .as("published cell %d of %s", i, line)
                        .isEqualTo(truth[i]);
                lo[i] = hi[i] = truth[i];
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            // decided = accepted + rejected + closed
            changed |= narrow(lo, hi, DECIDED, sum(lo, ACCEPTED, CLOSED), sum(hi, ACCEPTED, CLOSED));
            for (int part = ACCEPTED; part <= CLOSED; part++) {
                changed |= narrow(
                        lo,
                        hi,
                        part,
                        lo[DECIDED] - (sum(hi, ACCEPTED, CLOSED) - hi[part]),
                        hi[DECIDED] - (sum(lo, ACCEPTED, CLOSED) - lo[part]));
            }
            // received >= decided >= implicit
            changed |= narrow(lo, hi, RECEIVED, lo[DECIDED], UNBOUNDED);
            changed |= narrow(lo, hi, DECIDED, lo[IMPLICIT], hi[RECEIVED]);
            changed |= narrow(lo, hi, IMPLICIT, 0, hi[DECIDED]);
        }
        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assertThat(truth[i])
                    .as("cell %d of %s within its bounds", i, line)
                    .isBetween((int) Math.min(lo[i], Integer.MAX_VALUE), (int) Math.min(hi[i], Integer.MAX_VALUE));
            if (cells[2 + i].isEmpty() && truth[i] > 0 && truth[i] < k && lo[i] == hi[i]) {
                pinned.add(OpenDataStatistics.HEADER.split(",")[2 + i] + "=" + truth[i]);
            }
        }
        return pinned;
    }

    private static long sum(long[] v, int from, int to) {
        long s = 0;
        for (int i = from; i <= to; i++) {
            s += v[i];
        }
        return s;
    }

    private static boolean narrow(long[] lo, long[] hi, int i, long newLo, long newHi) {
        boolean changed = false;
        if (newLo > lo[i]) {
            lo[i] = newLo;
            changed = true;
        }
        if (newHi < hi[i]) {
            hi[i] = newHi;
            changed = true;
        }
        return changed;
    }
}
