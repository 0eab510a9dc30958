package org.opengru.payments.payfip;

import java.net.URI;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.payments.PaymentLimits;

/**
 * One collectivité's PayFiP Régie account, as its DDFiP gives it.
 *
 * @param clientNumber the régie's client number ({@code numcli}), six digits
 * @param mode test, activation or production ({@code saisie})
 * @param notificationUrl where PayFiP calls the collectivité's server with the operation id ({@code
 *     urlnotif}); absolute http(s)
 * @param returnUrl where the resident's browser is sent back ({@code urlredirect}); absolute http(s)
 * @param limits the amounts accepted (PayFiP's by default)
 */
public record PayfipAccount(
        String clientNumber, PayfipMode mode, URI notificationUrl, URI returnUrl, PaymentLimits limits) {

    private static final Pattern NUMCLI = Pattern.compile("[0-9]{6}");

    /**
     * Checks the account.
     *
     * @param clientNumber the régie's client number ({@code numcli}), six digits
     * @param mode test, activation or production ({@code saisie})
     * @param notificationUrl where PayFiP calls the collectivité's server with the operation id ({@code urlnotif});
     *     absolute http(s)
     * @param returnUrl where the resident's browser is sent back ({@code urlredirect}); absolute http(s)
     * @param limits the amounts accepted (PayFiP's by default)
     * @throws ValidationException when the client number is not six digits ({@code numcli}), the mode or the limits
     *     are missing, or a URL is not an absolute http(s) URL of at most 250 characters
     */
    public PayfipAccount {
        if (clientNumber == null || !NUMCLI.matcher(clientNumber).matches()) {
            throw new ValidationException("payfip.clientNumber", clientNumber, "must be six digits (numcli)");
        }
        if (mode == null) {
            throw new ValidationException("payfip.mode", null, "is required (TEST, ACTIVATION or PRODUCTION)");
        }
        checkUrl("payfip.notificationUrl", notificationUrl);
        checkUrl("payfip.returnUrl", returnUrl);
        if (limits == null) {
            throw new ValidationException("payfip.limits", null, "is required");
        }
    }

    /**
     * An account with PayFiP's amount limits.
     *
     * @param clientNumber the régie's six-digit client number ({@code numcli})
     * @param mode test, activation or production ({@code saisie})
     * @param notificationUrl where PayFiP notifies the end of a payment
     * @param returnUrl where the resident's browser comes back
     */
    public PayfipAccount(String clientNumber, PayfipMode mode, URI notificationUrl, URI returnUrl) {
        this(clientNumber, mode, notificationUrl, returnUrl, PaymentLimits.PAYFIP);
    }

    private static void checkUrl(String field, URI url) {
        if (url == null
                || !url.isAbsolute()
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                || url.getHost() == null
                || url.toString().length() > 250) {
            throw new ValidationException(field, url, "must be an absolute http(s) URL of at most 250 characters");
        }
    }
}
