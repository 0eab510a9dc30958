package org.opengru.core.request;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;

/**
 * What comes with an action: the channel it came through, form data and pieces to add (draft edits and
 * complements; given values replace earlier ones, pieces replace those of the same type), a reason
 * (reject, close, reopen, complement) and, for a complement request, what is missing and by when
 * (default: the démarche's complement delay); for a payment recorded, its receipt.
 */
public record ActionInput(
        Channel channel,
        @Nullable FormData data,
        List<ProvidedPiece> pieces,
        @Nullable String reason,
        List<String> missing,
        @Nullable LocalDate dueBy,
        RequestPayment.@Nullable Receipt payment) {

    public ActionInput(
            Channel channel,
            @Nullable FormData data,
            List<ProvidedPiece> pieces,
            @Nullable String reason,
            List<String> missing,
            @Nullable LocalDate dueBy) {
        this(channel, data, pieces, reason, missing, dueBy, null);
    }

    /** A payment recorded ({@link RequestAction#RECORD_PAYMENT}), through the channel it came by. */
    public static ActionInput payment(RequestPayment.Receipt receipt, Channel channel) {
        return new ActionInput(channel, null, List.of(), null, List.of(), null, receipt);
    }

    public ActionInput {
        Checks.required("channel", channel);
        pieces = List.copyOf(Checks.required("pieces", pieces));
        missing = List.copyOf(Checks.required("missing", missing));
    }

    /** Nothing but the channel (web). */
    public static ActionInput none() {
        return new ActionInput(Channel.WEB, null, List.of(), null, List.of(), null);
    }

    public static ActionInput reason(String reason) {
        return none().withReason(reason);
    }

    public static ActionInput content(FormData data, List<ProvidedPiece> pieces) {
        return new ActionInput(Channel.WEB, data, pieces, null, List.of(), null);
    }

    public static ActionInput complementRequest(String reason, List<String> missing, @Nullable LocalDate dueBy) {
        return new ActionInput(Channel.WEB, null, List.of(), reason, missing, dueBy);
    }

    public ActionInput via(Channel c) {
        return new ActionInput(c, data, pieces, reason, missing, dueBy, payment);
    }

    public ActionInput withReason(String r) {
        return new ActionInput(channel, data, pieces, r, missing, dueBy, payment);
    }

    public ActionInput withMissing(List<String> m) {
        return new ActionInput(channel, data, pieces, reason, m, dueBy, payment);
    }
}
