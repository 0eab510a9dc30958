/**
 * What gru-payments holds on one usager, for gru-core's extension points: their payments in the RGPD
 * subject access and erasure ({@link org.opengru.payments.usager.PaymentsSubjectData}) and the purge of the
 * payers' personal data ({@link org.opengru.payments.usager.PaymentRetention}).
 */
@NullMarked
package org.opengru.payments.usager;

import org.jspecify.annotations.NullMarked;
