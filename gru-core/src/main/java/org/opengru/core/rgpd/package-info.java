/**
 * The RGPD data lifecycle: per-procedure retention (base active, then archivage intermédiaire, then
 * purge or anonymisation) applied by a {@link org.opengru.core.rgpd.PurgeJob} callable from any
 * scheduler; the subject-access export (droit d'accès, art. 15: everything held on one usager as one JSON
 * document); erasure on request where the law allows it (droit à l'effacement, art. 17); and the consent
 * ledger.
 */
@NullMarked
package org.opengru.core.rgpd;

import org.jspecify.annotations.NullMarked;
