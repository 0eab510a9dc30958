package org.opengru.core.acknowledgment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * An accusé de réception électronique, issued once when a request is received and never changed: the data
 * of every mandatory mention and the text and HTML rendered at issue time (so a later change of template
 * never alters an acknowledgment already sent).
 *
 * @param implicitDecisionDate the day silence becomes a decision; {@code null} when there is none or when
 *     the request is incomplete (the period then only starts with the missing pieces)
 * @param period the implicit-decision period, stated when the date is not yet known
 * @param appeal the voies et délais de recours, required for an implicit rejection
 * @param missingPieces what is missing when the request was received incomplete (R112-11-2)
 * @param complementDueBy the deadline to send the missing pieces
 * @param requestId the request acknowledged
 * @param tenant the collectivité that received it
 * @param reference the short reference the resident quotes
 * @param collectivityName the collectivité's name as printed
 * @param procedure the démarche and its version
 * @param procedureTitle the démarche's title as printed
 * @param receivedAt when the request was received (the date of receipt)
 * @param zone the collectivité's zone, in which dates are printed
 * @param service the service in charge (R112-11-1, 2°)
 * @param implicitDecision whether silence means acceptance, rejection, or nothing
 * @param text the acknowledgment as plain French text
 * @param html the acknowledgment as an HTML fragment
 */
public record Acknowledgment(
        RequestId requestId,
        TenantId tenant,
        ShortReference reference,
        String collectivityName,
        ProcedureRef procedure,
        String procedureTitle,
        Instant receivedAt,
        ZoneId zone,
        ServiceContact service,
        ImplicitDecision implicitDecision,
        @Nullable DecisionPeriod period,
        @Nullable LocalDate implicitDecisionDate,
        @Nullable AppealInformation appeal,
        List<String> missingPieces,
        @Nullable LocalDate complementDueBy,
        String text,
        String html) {

    /**
     * Checks every mandatory mention: the period and date when silence decides, the voies de recours for an
     * implicit rejection, the deadline for missing pieces.
     *
     * @param requestId the request acknowledged
     * @param tenant the collectivité that received it
     * @param reference the short reference the resident quotes
     * @param collectivityName the collectivité's name as printed
     * @param procedure the démarche and its version
     * @param procedureTitle the démarche's title as printed
     * @param receivedAt when the request was received (the date of receipt)
     * @param zone the collectivité's zone, in which dates are printed
     * @param service the service in charge (R112-11-1, 2°)
     * @param implicitDecision whether silence means acceptance, rejection, or nothing
     * @param period the implicit-decision period, stated when the date is not yet known
     * @param implicitDecisionDate the day silence becomes a decision; {@code null} when there is none or when
     *     the request is incomplete (the period then only starts with the missing pieces)
     * @param appeal the voies et délais de recours, required for an implicit rejection
     * @param missingPieces what is missing when the request was received incomplete (R112-11-2)
     * @param complementDueBy the deadline to send the missing pieces
     * @param text the acknowledgment as plain French text
     * @param html the acknowledgment as an HTML fragment
     * @throws ValidationException naming the missing mention
     */
    public Acknowledgment {
        Checks.required("acknowledgment.requestId", requestId);
        Checks.required("acknowledgment.tenant", tenant);
        Checks.required("acknowledgment.reference", reference);
        collectivityName = Checks.text("acknowledgment.collectivityName", collectivityName, 300);
        Checks.required("acknowledgment.procedure", procedure);
        procedureTitle = Checks.text("acknowledgment.procedureTitle", procedureTitle, 300);
        Checks.required("acknowledgment.receivedAt", receivedAt);
        Checks.required("acknowledgment.zone", zone);
        Checks.required("acknowledgment.service", service);
        Checks.required("acknowledgment.implicitDecision", implicitDecision);
        missingPieces = List.copyOf(Checks.required("acknowledgment.missingPieces", missingPieces));
        boolean incomplete = !missingPieces.isEmpty();
        if (incomplete && complementDueBy == null) {
            throw new ValidationException(
                    "acknowledgment.complementDueBy", null, "is required when pieces are missing");
        }
        if (implicitDecision != ImplicitDecision.NONE) {
            Checks.required("acknowledgment.period", period);
            if (!incomplete) {
                Checks.required("acknowledgment.implicitDecisionDate", implicitDecisionDate);
            }
        }
        if (implicitDecision == ImplicitDecision.REJECTION) {
            Checks.required("acknowledgment.appeal", appeal);
        }
        Checks.required("acknowledgment.text", text);
        Checks.required("acknowledgment.html", html);
    }

    /**
     * The data of an acknowledgment, before rendering.
     *
     * @param requestId the request acknowledged
     * @param tenant the collectivité that received it
     * @param reference the short reference the resident quotes
     * @param collectivityName the collectivité's name as printed
     * @param procedure the démarche and its version
     * @param procedureTitle the démarche's title as printed
     * @param receivedAt when the request was received
     * @param zone the collectivité's zone
     * @param service the service in charge
     * @param implicitDecision whether silence means acceptance, rejection, or nothing
     * @param period the implicit-decision period, or {@code null}
     * @param implicitDecisionDate the day silence becomes a decision, or {@code null}
     * @param appeal the voies et délais de recours, or {@code null}
     * @param missingPieces what is missing, empty for a complete request
     * @param complementDueBy the deadline to send the missing pieces, or {@code null}
     */
    public record Data(
            RequestId requestId,
            TenantId tenant,
            ShortReference reference,
            String collectivityName,
            ProcedureRef procedure,
            String procedureTitle,
            Instant receivedAt,
            ZoneId zone,
            ServiceContact service,
            ImplicitDecision implicitDecision,
            @Nullable DecisionPeriod period,
            @Nullable LocalDate implicitDecisionDate,
            @Nullable AppealInformation appeal,
            List<String> missingPieces,
            @Nullable LocalDate complementDueBy) {

        /**
         * Copies the missing pieces.
         *
         * @param requestId the request acknowledged
         * @param tenant the collectivité that received it
         * @param reference the short reference the resident quotes
         * @param collectivityName the collectivité's name as printed
         * @param procedure the démarche and its version
         * @param procedureTitle the démarche's title as printed
         * @param receivedAt when the request was received
         * @param zone the collectivité's zone
         * @param service the service in charge
         * @param implicitDecision whether silence means acceptance, rejection, or nothing
         * @param period the implicit-decision period, or {@code null}
         * @param implicitDecisionDate the day silence becomes a decision, or {@code null}
         * @param appeal the voies et délais de recours, or {@code null}
         * @param missingPieces what is missing, empty for a complete request
         * @param complementDueBy the deadline to send the missing pieces, or {@code null}
         */
        public Data {
            missingPieces = List.copyOf(missingPieces);
        }
    }

    /**
     * Renders the data with the template and returns the immutable acknowledgment.
     *
     * @param d the data of every mention
     * @param template the collectivité's template
     * @return the acknowledgment, rendered as text and HTML once and for all
     * @throws ValidationException naming a mandatory mention the data lacks
     */
    public static Acknowledgment issue(Data d, AcknowledgmentTemplate template) {
        java.util.Map<Mention, List<String>> mentions = template.mentions(d);
        return new Acknowledgment(
                d.requestId(),
                d.tenant(),
                d.reference(),
                d.collectivityName(),
                d.procedure(),
                d.procedureTitle(),
                d.receivedAt(),
                d.zone(),
                d.service(),
                d.implicitDecision(),
                d.period(),
                d.implicitDecisionDate(),
                d.appeal(),
                d.missingPieces(),
                d.complementDueBy(),
                template.renderText(d, mentions),
                template.renderHtml(d, mentions));
    }

    /**
     * The data this acknowledgment was rendered from.
     *
     * @return the data, for rendering again with another template (a preview) or checking
     */
    public Data data() {
        return new Data(
                requestId,
                tenant,
                reference,
                collectivityName,
                procedure,
                procedureTitle,
                receivedAt,
                zone,
                service,
                implicitDecision,
                period,
                implicitDecisionDate,
                appeal,
                missingPieces,
                complementDueBy);
    }
}
