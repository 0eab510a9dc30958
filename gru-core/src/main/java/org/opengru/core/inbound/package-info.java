/** Inbound e-mail: replies threaded into their request by a forgery-proof reply token, other mail turned into contacts to triage, suspicious mail quarantined. */
@NullMarked
package org.opengru.core.inbound;

import org.jspecify.annotations.NullMarked;
