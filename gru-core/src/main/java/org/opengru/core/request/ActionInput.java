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
 *
 * @param channel how the action came (web, counter, mail...)
 * @param data form values to set, or {@code null}
 * @param pieces pieces to add, replacing those of the same type
 * @param reason the reason of a reject, close, reopen or complement request, or {@code null}
 * @param missing what a complement request says is missing
 * @param dueBy when the complement is due, or {@code null} for the démarche's delay
 * @param payment the receipt of the payment recorded ({@code RECORD_PAYMENT}), or {@code null}
 */
public record ActionInput(
        Channel channel,
        @Nullable FormData data,
        List<ProvidedPiece> pieces,
        @Nullable String reason,
        List<String> missing,
        @Nullable LocalDate dueBy,
        RequestPayment.@Nullable Receipt payment) {

    /**
     * An input without a payment receipt.
     *
     * @param channel how the action came (web, counter, mail...)
     * @param data form values to set, or {@code null}
     * @param pieces pieces to add, replacing those of the same type
     * @param reason the reason of a reject, close, reopen or complement request, or {@code null}
     * @param missing what a complement request says is missing
     * @param dueBy when the complement is due, or {@code null} for the démarche's delay
     * @throws NullPointerException when the channel is missing
     */
    public ActionInput(
            Channel channel,
            @Nullable FormData data,
            List<ProvidedPiece> pieces,
            @Nullable String reason,
            List<String> missing,
            @Nullable LocalDate dueBy) {
        this(channel, data, pieces, reason, missing, dueBy, null);
    }

    /**
     * A payment recorded ({@link RequestAction#RECORD_PAYMENT}), through the channel it came by.
     *
     * @param receipt the payment's reference and the amount paid
     * @param channel the channel (SYSTEM for an online payment, COUNTER for one at the régie)
     * @return the input
     */
    public static ActionInput payment(RequestPayment.Receipt receipt, Channel channel) {
        return new ActionInput(channel, null, List.of(), null, List.of(), null, receipt);
    }

    /**
     * Copies the lists and checks the channel.
     *
     * @param channel how the action came (web, counter, mail...)
     * @param data form values to set, or {@code null}
     * @param pieces pieces to add, replacing those of the same type
     * @param reason the reason of a reject, close, reopen or complement request, or {@code null}
     * @param missing what a complement request says is missing
     * @param dueBy when the complement is due, or {@code null} for the démarche's delay
     * @param payment the receipt of the payment recorded ({@code RECORD_PAYMENT}), or {@code null}
     * @throws NullPointerException when the channel is missing
     */
    public ActionInput {
        Checks.required("channel", channel);
        pieces = List.copyOf(Checks.required("pieces", pieces));
        missing = List.copyOf(Checks.required("missing", missing));
    }

    /**
     * Nothing but the channel (web).
     *
     * @return the input
     */
    public static ActionInput none() {
        return new ActionInput(Channel.WEB, null, List.of(), null, List.of(), null);
    }

    /**
     * A reason alone (reject, close without follow-up, reopen).
     *
     * @param reason the reason, in words the usager reads
     * @return the input, on the web channel
     */
    public static ActionInput reason(String reason) {
        return none().withReason(reason);
    }

    /**
     * Form values and pieces (a draft's edit, a complement).
     *
     * @param data the values to set
     * @param pieces the pieces to add
     * @return the input, on the web channel
     */
    public static ActionInput content(FormData data, List<ProvidedPiece> pieces) {
        return new ActionInput(Channel.WEB, data, pieces, null, List.of(), null);
    }

    /**
     * What a complement request says.
     *
     * @param reason why, in words the usager reads
     * @param missing the pieces or fields to provide
     * @param dueBy when the complement is due, or {@code null} for the démarche's delay
     * @return the input, on the web channel
     */
    public static ActionInput complementRequest(String reason, List<String> missing, @Nullable LocalDate dueBy) {
        return new ActionInput(Channel.WEB, null, List.of(), reason, missing, dueBy);
    }

    /**
     * A copy arrived through another channel (an agent at the counter, a letter).
     *
     * @param c the channel
     * @return the copy
     */
    public ActionInput via(Channel c) {
        return new ActionInput(c, data, pieces, reason, missing, dueBy, payment);
    }

    /**
     * A copy with a reason.
     *
     * @param r the reason
     * @return the copy
     */
    public ActionInput withReason(String r) {
        return new ActionInput(channel, data, pieces, r, missing, dueBy, payment);
    }

    /**
     * A copy listing what is missing.
     *
     * @param m the missing pieces or fields
     * @return the copy
     */
    public ActionInput withMissing(List<String> m) {
        return new ActionInput(channel, data, pieces, reason, m, dueBy, payment);
    }
}
