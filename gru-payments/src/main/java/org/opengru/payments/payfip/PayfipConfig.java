package org.opengru.payments.payfip;

import java.net.URI;
import java.time.Duration;
import org.opengru.core.error.ValidationException;

/**
 * Where PayFiP's web service and payment page are, and how long to wait for it.
 *
 * @param endpoint the SOAP endpoint of the secured payment service
 * @param paymentPage the page the resident is sent to, {@code ?idop=<idOp>} appended
 * @param connectTimeout the connection timeout
 * @param requestTimeout the whole call's timeout
 */
public record PayfipConfig(URI endpoint, URI paymentPage, Duration connectTimeout, Duration requestTimeout) {

    /** The production endpoint as public integrations use it; check it against the DGFiP's current guide. */
    public static final URI PRODUCTION_ENDPOINT = URI.create("https://www.tipi.budget.gouv.fr/tpa/services/securite");

    /** PayFiP's payment page. */
    public static final URI PAYMENT_PAGE = URI.create("https://www.payfip.gouv.fr/tpa/paiementws.web");

    /**
     * Checks the configuration.
     *
     * @param endpoint the SOAP endpoint of the secured payment service
     * @param paymentPage the page the resident is sent to, {@code ?idop=<idOp>} appended
     * @param connectTimeout the connection timeout
     * @param requestTimeout the whole call's timeout
     * @throws ValidationException when a URL is not absolute (the page with no query), or a timeout is not between
     *     1 ms and 5 minutes
     */
    public PayfipConfig {
        if (endpoint == null || !endpoint.isAbsolute()) {
            throw new ValidationException("payfip.endpoint", endpoint, "must be an absolute URL");
        }
        if (paymentPage == null || !paymentPage.isAbsolute() || paymentPage.getRawQuery() != null) {
            throw new ValidationException("payfip.paymentPage", paymentPage, "must be an absolute URL without a query");
        }
        checkTimeout("payfip.connectTimeout", connectTimeout);
        checkTimeout("payfip.requestTimeout", requestTimeout);
    }

    /**
     * The production endpoint and page, 5 s to connect and 20 s per call.
     *
     * @return the configuration
     */
    public static PayfipConfig production() {
        return new PayfipConfig(PRODUCTION_ENDPOINT, PAYMENT_PAGE, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    private static void checkTimeout(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ValidationException(field, d, "must be between 1 ms and 5 minutes");
        }
    }
}
