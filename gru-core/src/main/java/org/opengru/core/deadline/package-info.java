/** Implicit-decision deadlines: the date silence becomes a decision, computed in Europe/Paris time, suspended while a complement is awaited. */
@NullMarked
package org.opengru.core.deadline;

import org.jspecify.annotations.NullMarked;
