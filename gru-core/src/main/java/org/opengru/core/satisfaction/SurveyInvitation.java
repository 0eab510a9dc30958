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
