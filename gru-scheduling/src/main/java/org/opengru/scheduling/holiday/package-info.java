/** French public holidays (jours fériés) for every zone, computed, with their time zones. */
@NullMarked
package org.opengru.scheduling.holiday;

import org.jspecify.annotations.NullMarked;
