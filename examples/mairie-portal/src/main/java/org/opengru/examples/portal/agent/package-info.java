/** The agents' pages (back-office): work queue, 360° view, decisions, the day's appointments. */
@NullMarked
package org.opengru.examples.portal.agent;

import org.jspecify.annotations.NullMarked;
