/**
 * The bridge between gru-core's request lifecycle and the payments: a request of a démarche that asks a
 * payment (à payer) is paid through {@link org.opengru.payments.PaymentService}, and recorded paid on the
 * request from the provider's read-back only ({@link org.opengru.payments.request.RequestPayments}). It
 * lives here, where both modules are present: gru-core knows nothing of payments.
 */
@NullMarked
package org.opengru.payments.request;

import org.jspecify.annotations.NullMarked;
