package org.opengru.core.satisfaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * An answer: a score from 1 (pas du tout satisfait) to 5 (très satisfait) and an optional comment. Holds
 * no usager id: the statistics need none.
 *
 * @param invitationId the invitation answered
 * @param tenant the collectivité
 * @param occasion a decision or an attended appointment
 * @param procedureCode the démarche
 * @param channel the channel, for the statistics
 * @param score from 1 to 5
 * @param comment the comment, at most 2000 characters, or {@code null}
 * @param answeredAt when
 */
public record SurveyResponse(
        UUID invitationId,
        TenantId tenant,
        SurveyOccasion occasion,
        String procedureCode,
        Channel channel,
        int score,
        @Nullable String comment,
        Instant answeredAt) {

    /**
     * Checks the score, the comment's length and the other parts.
     *
     * @param invitationId the invitation answered
     * @param tenant the collectivité
     * @param occasion a decision or an attended appointment
     * @param procedureCode the démarche
     * @param channel the channel, for the statistics
     * @param score from 1 to 5
     * @param comment the comment, at most 2000 characters, or {@code null}
     * @param answeredAt when
     * @throws org.opengru.core.error.ValidationException naming {@code survey.<part>} and the value
     */
    public SurveyResponse {
        Checks.required("survey.invitationId", invitationId);
        Checks.required("survey.tenant", tenant);
        Checks.required("survey.occasion", occasion);
        procedureCode = Checks.text("survey.procedureCode", procedureCode, 64);
        Checks.required("survey.channel", channel);
        Checks.check(score >= 1 && score <= 5, "survey.score", score, "must be between 1 and 5");
        if (comment != null) {
            comment = comment.strip();
            Checks.check(
                    comment.length() <= 2000,
                    "survey.comment",
                    comment.length() + " characters",
                    "must be at most 2000 characters");
            if (comment.isEmpty()) {
                comment = null;
            }
        }
        answeredAt = Checks.required("survey.answeredAt", answeredAt).truncatedTo(ChronoUnit.MICROS);
    }
}
