package org.opengru.core.satisfaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * An invitation to answer the one-question survey, once, before it expires.
 *
 * @param subjectId the request or appointment id the survey follows
 * @param procedureCode the démarche, for the statistics
 * @param channel the channel the request or appointment came through, for the statistics
 * @param id the invitation's id, in the survey's link
 * @param tenant the collectivité
 * @param usager who is asked
 * @param occasion a decision or an attended appointment
 * @param issuedAt when it was issued
 * @param expiresAt when it stops accepting an answer
 */
public record SurveyInvitation(
        UUID id,
        TenantId tenant,
        UsagerId usager,
        SurveyOccasion occasion,
        String subjectId,
        String procedureCode,
        Channel channel,
        Instant issuedAt,
        Instant expiresAt) {

    /**
     * Checks every part, truncating times to the microsecond.
     *
     * @param id the invitation's id, in the survey's link
     * @param tenant the collectivité
     * @param usager who is asked
     * @param occasion a decision or an attended appointment
     * @param subjectId the request or appointment id the survey follows
     * @param procedureCode the démarche, for the statistics
     * @param channel the channel the request or appointment came through, for the statistics
     * @param issuedAt when it was issued
     * @param expiresAt when it stops accepting an answer
     * @throws org.opengru.core.error.ValidationException naming {@code survey.<part>} and the value
     */
    public SurveyInvitation {
        Checks.required("survey.id", id);
        Checks.required("survey.tenant", tenant);
        Checks.required("survey.usager", usager);
        Checks.required("survey.occasion", occasion);
        subjectId = Checks.text("survey.subjectId", subjectId, 128);
        procedureCode = Checks.text("survey.procedureCode", procedureCode, 64);
        Checks.required("survey.channel", channel);
        issuedAt = Checks.required("survey.issuedAt", issuedAt).truncatedTo(ChronoUnit.MICROS);
        expiresAt = Checks.required("survey.expiresAt", expiresAt).truncatedTo(ChronoUnit.MICROS);
        Checks.check(expiresAt.isAfter(issuedAt), "survey.expiresAt", expiresAt, "must be after issuedAt");
    }
}
