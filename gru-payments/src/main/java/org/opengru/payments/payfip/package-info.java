/**
 * The PayFiP Régie adapter: the DGFiP's {@code creerPaiementSecurise} and {@code
 * recupererDetailPaiementSecurise} web service operations over SOAP, with the JDK's HTTP client and XML.
 */
@NullMarked
package org.opengru.payments.payfip;

import org.jspecify.annotations.NullMarked;
