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
 * @param procedure the démarche
 * @param channel how the action came
 * @param data the form values
 * @param pieces the pièces justificatives provided
 */
public record NewRequest(
        ProcedureCode procedure,
        UsagerId applicant,
        Channel channel,
        FormData data,
        List<ProvidedPiece> pieces,
        @Nullable UsagerId beneficiary) {

    /**
     * Checks the command and copies its pieces.
     *
     * @param procedure the démarche
     * @param applicant who files and follows the request
     * @param channel how the action came
     * @param data the form values
     * @param pieces the pièces justificatives provided
     * @param beneficiary who the request is about when it is someone else (a child of the applicant's household, a
     *     person they hold a mandate for), or {@code null}
     * @throws NullPointerException naming a missing value
     */
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

    /**
     * A request filed by the applicant for themselves.
     *
     * @param procedure the démarche
     * @param applicant the usager who files
     * @param channel how it came
     * @param data the first form values
     * @param pieces the first pieces
     */
    public NewRequest(
            ProcedureCode procedure, UsagerId applicant, Channel channel, FormData data, List<ProvidedPiece> pieces) {
        this(procedure, applicant, channel, data, pieces, null);
    }

    /**
     * A request filed on the web, without pieces yet.
     *
     * @param procedure the démarche's code
     * @param applicant the usager who files
     * @param channel how it came
     * @param data the first form values
     * @return the command
     */
    public static NewRequest of(String procedure, UsagerId applicant, Channel channel, FormData data) {
        return new NewRequest(ProcedureCode.of(procedure), applicant, channel, data, List.of(), null);
    }

    /**
     * A copy with pieces.
     *
     * @param p the pieces
     * @return the copy
     */
    public NewRequest withPieces(List<ProvidedPiece> p) {
        return new NewRequest(procedure, applicant, channel, data, p, beneficiary);
    }

    /**
     * The same request filed by the applicant for {@code usager} (whom the applicant must be able to act for).
     *
     * @param usager the beneficiary
     * @return the copy
     */
    public NewRequest forBeneficiary(UsagerId usager) {
        return new NewRequest(procedure, applicant, channel, data, pieces, Checks.required("beneficiary", usager));
    }
}
