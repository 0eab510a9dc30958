/**
 * What gru-scheduling holds on one usager, for gru-core's extension points: their appointments in the
 * 360° timeline ({@link org.opengru.scheduling.usager.AppointmentTimeline}) and in the RGPD subject
 * access and erasure ({@link org.opengru.scheduling.usager.SchedulingSubjectData}).
 */
@NullMarked
package org.opengru.scheduling.usager;

import org.jspecify.annotations.NullMarked;
