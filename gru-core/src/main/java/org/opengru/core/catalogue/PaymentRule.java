package org.opengru.core.catalogue;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * What a démarche asks the resident to pay before it is received (a fee, a registration, a deposit), as
 * data in its definition: a fixed amount, or a tariff read from the form (a quotient familial by bands).
 * The request waits in {@code AWAITING_PAYMENT} (à payer) for {@code delay}, then lapses.
 *
 * <pre>{@code
 * "payment": {"object": "Centre de loisirs", "delay": "P15D",
 *             "tariff": {"field": "quotient_familial", "bands": [
 *                 {"upTo": 700, "amountCents": 800}, {"upTo": 1200, "amountCents": 1400}, {"amountCents": 2000}]}}
 * }</pre>
 *
 * @param amountCents a fixed amount in euro cents, or {@code null} with a tariff
 * @param tariff the amount read from the form, or {@code null} with a fixed amount
 * @param object what is paid for, as the payment provider shows it (1 to 100 characters; default: the
 *     démarche's title, cut)
 * @param delay how long the request waits for its payment (default 15 days)
 */
public record PaymentRule(
        @Nullable Long amountCents,
        @Nullable Tariff tariff,
        @Nullable String object,
        Period delay) {

    /**
     * A rule with a fixed amount or a tariff; the delay defaults to 15 days.
     *
     * @param amountCents a fixed amount in euro cents, or {@code null} with a tariff
     * @param tariff the tariff, or {@code null} with a fixed amount
     * @param object what is paid for, or {@code null} for the démarche's title
     * @param delay how long the request waits for its payment, or {@code null} for 15 days
     * @throws org.opengru.core.error.ValidationException naming {@code procedure.payment...} for both or neither
     *     amount, a non-positive amount or delay
     */
    public PaymentRule(
            @Nullable Long amountCents, @Nullable Tariff tariff, @Nullable String object, @Nullable Period delay) {
        Checks.check(
                (amountCents == null) != (tariff == null),
                "procedure.payment",
                amountCents == null ? "neither" : "both",
                "must give either amountCents or tariff");
        if (amountCents != null) {
            Checks.check(amountCents > 0, "procedure.payment.amountCents", amountCents, "must be positive");
        }
        this.amountCents = amountCents;
        this.tariff = tariff;
        this.object = object == null ? null : Checks.text("procedure.payment.object", object, 100);
        this.delay = delay == null ? Period.ofDays(15) : delay;
        Checks.check(
                !this.delay.isNegative() && !this.delay.isZero(), "procedure.payment.delay", delay, "must be positive");
    }

    /**
     * A fixed amount.
     *
     * @param amountCents the amount in euro cents, positive
     * @param object what is paid for, or {@code null} for the démarche's title
     * @param delay how long the request waits, or {@code null} for 15 days
     * @return the rule
     */
    public static PaymentRule fixed(long amountCents, @Nullable String object, @Nullable Period delay) {
        return new PaymentRule(amountCents, null, object, delay);
    }

    /**
     * The amount the form's values make due, in cents.
     *
     * @param data the request's form data (normalised)
     * @return the amount in euro cents
     */
    public long amountFor(FormData data) {
        return amountCents != null ? amountCents : tariff.amountFor(data);
    }

    /**
     * An amount by bands of a numeric field of the form, such as a quotient familial: the first band whose
     * {@code upTo} is at least the value (the last band, without {@code upTo}, takes the rest).
     *
     * @param field the numeric field of the form, such as {@code quotient_familial}
     * @param bands the bands, in increasing {@code upTo}, the last without
     */
    public record Tariff(String field, List<Band> bands) {
        /**
         * Checks the field and that the bands increase, the last one open.
         *
         * @param field the numeric field of the form, such as {@code quotient_familial}
         * @param bands the bands, in increasing {@code upTo}, the last without
         * @throws org.opengru.core.error.ValidationException naming {@code procedure.payment.tariff...} and the bad
         *     value
         */
        public Tariff {
            Checks.text("procedure.payment.tariff.field", field, 100);
            bands = List.copyOf(Checks.required("procedure.payment.tariff.bands", bands));
            Checks.check(!bands.isEmpty(), "procedure.payment.tariff.bands", bands, "must list at least one band");
            for (int i = 0; i < bands.size(); i++) {
                Band b = bands.get(i);
                boolean last = i == bands.size() - 1;
                Checks.check(
                        last == (b.upTo() == null),
                        "procedure.payment.tariff.bands[" + i + "].upTo",
                        b.upTo(),
                        last
                                ? "must be absent on the last band (it takes the rest)"
                                : "is required but on the last band");
                if (i > 0 && !last) {
                    Checks.check(
                            b.upTo().compareTo(bands.get(i - 1).upTo()) > 0,
                            "procedure.payment.tariff.bands[" + i + "].upTo",
                            b.upTo(),
                            "must be above the previous band's");
                }
            }
        }

        long amountFor(FormData data) {
            Object value = data.get(field);
            if (value == null) {
                throw new ValidationException(field, null, "is required to compute the amount to pay");
            }
            BigDecimal v;
            try {
                v = new BigDecimal(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new ValidationException(field, value, "must be a number to compute the amount to pay");
            }
            for (Band b : bands) {
                if (b.upTo() == null || v.compareTo(b.upTo()) <= 0) {
                    return b.amountCents();
                }
            }
            throw new IllegalStateException("the last band takes the rest");
        }
    }

    /**
     * One band: up to (inclusive) {@code upTo}, this amount in cents.
     *
     * @param upTo the largest value of the band, or {@code null} for the last band
     * @param amountCents the amount in euro cents, positive
     */
    public record Band(@Nullable BigDecimal upTo, long amountCents) {
        /**
         * Checks that the amount is positive.
         *
         * @param upTo the largest value of the band, or {@code null} for the last band
         * @param amountCents the amount in euro cents, positive
         * @throws org.opengru.core.error.ValidationException naming {@code procedure.payment.tariff.bands.amountCents}
         */
        public Band {
            Checks.check(
                    amountCents > 0, "procedure.payment.tariff.bands.amountCents", amountCents, "must be positive");
        }
    }
}
