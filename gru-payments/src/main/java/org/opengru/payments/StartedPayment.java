package org.opengru.payments;

import java.net.URI;

/**
 * A payment created and stored: send the resident to {@link #paymentPage()}.
 *
 * @param payment the stored pending payment
 * @param paymentPage the provider's page to send the resident to
 */
public record StartedPayment(Payment payment, URI paymentPage) {}
