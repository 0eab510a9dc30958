/** Free slots (créneaux disponibles) computed from opening hours minus busy time. */
@NullMarked
package org.opengru.scheduling.availability;

import org.jspecify.annotations.NullMarked;
