package org.opengru.payments;

import java.net.URI;

/** A payment created and stored: send the resident to {@link #paymentPage()}. */
public record StartedPayment(Payment payment, URI paymentPage) {}
