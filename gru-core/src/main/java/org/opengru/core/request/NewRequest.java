package org.opengru.core.request;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;

/**
 * A request to create: which démarche (its latest version), for which usager, through which channel, and
 * the first values and pieces (may be partial: it is a draft).
 *
 * @param applicant who files and follows the request
 * @param beneficiary who the request is about when it is someone else (a child of the applicant's
 *     household, a person they hold a mandate for), or {@code null}
 */
public record NewRequest(
        ProcedureCode procedure,
        UsagerId applicant,
        Channel channel,
        FormData data,
        List<ProvidedPiece> pieces,
        @Nullable UsagerId beneficiary) {

    public NewRequest {
        Checks.required("procedure", procedure);
        Checks.required("applicant", applicant);
        Checks.required("channel", channel);
        Checks.required("data", data);
        pieces = List.copyOf(Checks.required("pieces", pieces));
        Checks.check(
                !applicant.equals(beneficiary),
                "beneficiary",
                beneficiary,
                "is the applicant: a request for oneself has no beneficiary");
    }

    public NewRequest(
            ProcedureCode procedure, UsagerId applicant, Channel channel, FormData data, List<ProvidedPiece> pieces) {
        this(procedure, applicant, channel, data, pieces, null);
    }

    public static NewRequest of(String procedure, UsagerId applicant, Channel channel, FormData data) {
        return new NewRequest(ProcedureCode.of(procedure), applicant, channel, data, List.of(), null);
    }

    public NewRequest withPieces(List<ProvidedPiece> p) {
        return new NewRequest(procedure, applicant, channel, data, p, beneficiary);
    }

    /** The same request filed by the applicant for {@code usager} (whom the applicant must be able to act for). */
    public NewRequest forBeneficiary(UsagerId usager) {
        return new NewRequest(procedure, applicant, channel, data, pieces, Checks.required("beneficiary", usager));
    }
}
