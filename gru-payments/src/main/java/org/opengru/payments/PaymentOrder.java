package org.opengru.payments;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * What a resident is asked to pay, checked field by field before any provider call; each refusal is a
 * {@link ValidationException} naming the field and the value.
 *
 * @param tenant the collectivité collecting
 * @param debtReference the debt's reference at the régie ({@code refdet}): 6 to 30 letters or digits
 * @param budgetYear the budget year ({@code exer}), four digits
 * @param amountCents the amount in euro cents ({@code montant}); the provider's range is checked by the
 *     service against {@link PaymentLimits}
 * @param object what is paid for, shown on the provider's page ({@code objet}): 1 to 100 characters
 * @param payerEmail where the provider sends the ticket ({@code mel}); required to start a payment, {@code
 *     null} once erased (RGPD)
 * @param subject what the payment settles in the application, a code such as {@code booking:42} (optional)
 * @param payer the usager who pays, when known: their payments are in their subject-access export and go
 *     with their erasure ({@code null}: a payer without an account, reached by the purge only)
 */
public record PaymentOrder(
        TenantId tenant,
        String debtReference,
        int budgetYear,
        long amountCents,
        String object,
        @Nullable String payerEmail,
        @Nullable String subject,
        @Nullable UsagerId payer) {

    /** What an erased payment shows in place of its object (which may name a child, an address...). */
    public static final String ERASED_OBJECT = "(données effacées)";

    private static final Pattern REFDET = Pattern.compile("[A-Za-z0-9]{6,30}");
    // Deliberately narrow: what every provider's form accepts, not all of RFC 5322.
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /**
     * Checks the order before anything reaches the provider, naming the field (PayFiP's name in brackets).
     *
     * @param tenant the collectivité collecting
     * @param debtReference the debt's reference at the régie ({@code refdet}): 6 to 30 letters or digits
     * @param budgetYear the budget year ({@code exer}), four digits
     * @param amountCents the amount in euro cents ({@code montant}); the provider's range is checked by the service
     *     against {@link PaymentLimits}
     * @param object what is paid for, shown on the provider's page ({@code objet}): 1 to 100 characters
     * @param payerEmail where the provider sends the ticket ({@code mel})
     * @param subject what the payment settles in the application, a code such as {@code booking:42} (optional)
     * @param payer the usager who pays, when known ({@code null}: a payer without an account)
     * @throws ValidationException when the tenant is missing, the debt reference is not 6 to 30 letters or digits
     *     ({@code refdet}), the budget year not four digits ({@code exer}), the amount not positive, the object
     *     blank, too long or with control characters, the payer's e-mail not an address, or the subject not a code
     */
    public PaymentOrder {
        if (tenant == null) {
            throw new ValidationException("tenant", null, "is required");
        }
        if (debtReference == null || !REFDET.matcher(debtReference).matches()) {
            throw new ValidationException("debtReference", debtReference, "must be 6 to 30 letters or digits (refdet)");
        }
        if (budgetYear < 1000 || budgetYear > 9999) {
            throw new ValidationException("budgetYear", budgetYear, "must be a four-digit year (exer)");
        }
        if (amountCents <= 0) {
            throw new ValidationException("amountCents", amountCents, "must be positive");
        }
        if (object == null
                || object.isBlank()
                || object.length() > 100
                || object.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("object", object, "must be 1 to 100 characters without control characters");
        }
        if (payerEmail != null
                && (payerEmail.length() > 254 || !EMAIL.matcher(payerEmail).matches())) {
            throw new ValidationException("payerEmail", payerEmail, "must be an e-mail address such as nom@example.fr");
        }
        if (subject != null && !SUBJECT.matcher(subject).matches()) {
            throw new ValidationException("subject", subject, "must be a code of 1-128 characters such as booking:42");
        }
    }

    /**
     * An order without a known payer account.
     *
     * @param tenant the collectivité collecting
     * @param debtReference the debt's reference at the régie ({@code refdet}): 6 to 30 letters or digits
     * @param budgetYear the budget year ({@code exer}), four digits
     * @param amountCents the amount in euro cents ({@code montant})
     * @param object what is paid for, shown on the provider's page ({@code objet}): 1 to 100 characters
     * @param payerEmail where the provider sends the ticket ({@code mel})
     * @param subject what the payment settles in the application, a code such as {@code booking:42} (optional)
     * @throws ValidationException naming the field refused, as the canonical constructor
     */
    public PaymentOrder(
            TenantId tenant,
            String debtReference,
            int budgetYear,
            long amountCents,
            String object,
            String payerEmail,
            @Nullable String subject) {
        this(tenant, debtReference, budgetYear, amountCents, object, payerEmail, subject, null);
    }

    /**
     * This order paid by a known usager, so that the payment follows their subject access and erasure.
     *
     * @param usager the payer
     * @return a copy naming the payer
     */
    public PaymentOrder by(UsagerId usager) {
        return new PaymentOrder(tenant, debtReference, budgetYear, amountCents, object, payerEmail, subject, usager);
    }

    /**
     * The order without its personal data (RGPD erasure or purge): no e-mail, no object, no payer; the
     * accounting facts (debt reference, year, amount) stay.
     *
     * @return the erased copy; erasing it again gives the same
     */
    public PaymentOrder erased() {
        return new PaymentOrder(tenant, debtReference, budgetYear, amountCents, ERASED_OBJECT, null, subject, null);
    }

    /**
     * Whether the personal data went (erasure or purge).
     *
     * @return {@code true} when the payer's e-mail is gone
     */
    public boolean isErased() {
        return payerEmail == null;
    }
}
