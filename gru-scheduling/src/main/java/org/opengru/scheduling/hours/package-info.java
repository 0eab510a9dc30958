/** Opening hours (horaires d'ouverture): weekly schedules with validity periods and their exceptions. */
@NullMarked
package org.opengru.scheduling.hours;

import org.jspecify.annotations.NullMarked;
