/**
 * Data proofs ("Dites-le-nous une fois"): data fetched from an administration (API Particulier, API
 * Entreprise) that stands in for a required piece. gru-documents asks the {@link
 * org.opengru.core.proof.DataProofProvider} port when matching pieces; gru-franceconnect implements it
 * over API Particulier. The port lives here so that neither module depends on the other.
 */
@NullMarked
package org.opengru.core.proof;

import org.jspecify.annotations.NullMarked;
