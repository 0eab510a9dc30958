/**
 * The auto-configuration of gru-payments: PayFiP Régie per collectivité ({@code gru.tenants.<id>.payfip}),
 * the notification and return endpoints, the reconciliation and purge jobs, and the bridge that records
 * payments on the requests of démarches that ask one.
 */
@NullMarked
package org.opengru.spring.payments;

import org.jspecify.annotations.NullMarked;
