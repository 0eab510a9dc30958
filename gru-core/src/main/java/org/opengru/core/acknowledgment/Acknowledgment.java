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

    /** The data of an acknowledgment, before rendering. */
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

        public Data {
            missingPieces = List.copyOf(missingPieces);
        }
    }

    /** Renders the data with the template and returns the immutable acknowledgment. */
    public static Acknowledgment issue(Data d, AcknowledgmentTemplate template) {
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
                template.renderText(d),
                template.renderHtml(d));
    }

    /** The data this acknowledgment was rendered from. */
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
