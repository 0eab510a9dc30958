/** Satisfaction feedback: a one-question survey (1 to 5 and a comment) after a decision or an attended appointment, aggregated per démarche and channel. */
@NullMarked
package org.opengru.core.satisfaction;

import org.jspecify.annotations.NullMarked;
