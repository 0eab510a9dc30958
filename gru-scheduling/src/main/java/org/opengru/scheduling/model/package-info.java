/** Sites (mairie, annexes), desks (guichets) and services (motifs de rendez-vous). */
@NullMarked
package org.opengru.scheduling.model;

import org.jspecify.annotations.NullMarked;
