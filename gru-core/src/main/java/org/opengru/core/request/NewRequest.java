package org.opengru.core.request;

import java.util.List;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;

/**
 * A request to create: which démarche (its latest version), for which usager, through which channel, and
 * the first values and pieces (may be partial: it is a draft).
 */
public record NewRequest(
        ProcedureCode procedure, UsagerId applicant, Channel channel, FormData data, List<ProvidedPiece> pieces) {

    public NewRequest {
        Checks.required("procedure", procedure);
        Checks.required("applicant", applicant);
        Checks.required("channel", channel);
        Checks.required("data", data);
        pieces = List.copyOf(Checks.required("pieces", pieces));
    }

    public static NewRequest of(String procedure, UsagerId applicant, Channel channel, FormData data) {
        return new NewRequest(ProcedureCode.of(procedure), applicant, channel, data, List.of());
    }

    public NewRequest withPieces(List<ProvidedPiece> p) {
        return new NewRequest(procedure, applicant, channel, data, p);
    }
}
