package org.opengru.core.acknowledgment;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * The voies et délais de recours against an implicit rejection, as the acknowledgment states them: the
 * authority a recours gracieux goes to (such as "Monsieur le Maire de Villeneuve"), the administrative court
 * ("le tribunal administratif de Lyon") and its postal address if the commune wants it shown.
 */
public record AppealInformation(
        String gracefulAppealAuthority,
        String court,
        @Nullable String courtAddress) {

    public AppealInformation {
        gracefulAppealAuthority = Checks.text("appeal.gracefulAppealAuthority", gracefulAppealAuthority, 300);
        court = Checks.text("appeal.court", court, 300);
    }

    /** Wording valid everywhere when the commune has not configured its own. */
    public static AppealInformation generic(String collectivityName) {
        return new AppealInformation(
                "l'autorité compétente de " + collectivityName,
                "le tribunal administratif territorialement compétent",
                null);
    }
}
