/**
 * Online payments (paiement en ligne) of what a resident owes the commune: the {@link
 * org.opengru.payments.PaymentService} starts a payment with a {@link org.opengru.payments.PaymentProvider}
 * (PayFiP Régie for the DGFiP), sends the resident to the provider's page, and settles the payment only
 * from what the provider says when read back, never from the browser's return.
 */
@NullMarked
package org.opengru.payments;

import org.jspecify.annotations.NullMarked;
