package org.opengru.core.acknowledgment;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * The voies et délais de recours against an implicit rejection, as the acknowledgment states them: the
 * authority a recours gracieux goes to (such as "Monsieur le Maire de Villeneuve"), the administrative court
 * ("le tribunal administratif de Lyon") and its postal address if the commune wants it shown.
 *
 * @param gracefulAppealAuthority the authority a recours gracieux is addressed to
 * @param court the administrative court a recours contentieux goes to
 * @param courtAddress the court's postal address, or {@code null} when not shown
 */
public record AppealInformation(
        String gracefulAppealAuthority,
        String court,
        @Nullable String courtAddress) {

    /**
     * Checks the authority and the court, at most 300 characters each.
     *
     * @param gracefulAppealAuthority the authority a recours gracieux is addressed to
     * @param court the administrative court a recours contentieux goes to
     * @param courtAddress the court's postal address, or {@code null} when not shown
     * @throws org.opengru.core.error.ValidationException naming {@code appeal.gracefulAppealAuthority} or
     *     {@code appeal.court} and the value
     */
    public AppealInformation {
        gracefulAppealAuthority = Checks.text("appeal.gracefulAppealAuthority", gracefulAppealAuthority, 300);
        court = Checks.text("appeal.court", court, 300);
    }

    /**
     * Wording valid everywhere when the commune has not configured its own.
     *
     * @param collectivityName the collectivité's name
     * @return the generic wording, without court address
     */
    public static AppealInformation generic(String collectivityName) {
        return new AppealInformation(
                "l'autorité compétente de " + collectivityName,
                "le tribunal administratif territorialement compétent",
                null);
    }
}
