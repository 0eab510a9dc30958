/** Intake: the channel a request or contact came through, and whether an agent keyed it in for a resident. */
@NullMarked
package org.opengru.core.intake;

import org.jspecify.annotations.NullMarked;
