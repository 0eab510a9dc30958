/** iCalendar (RFC 5545) export of appointments and agendas. */
@NullMarked
package org.opengru.scheduling.ical;

import org.jspecify.annotations.NullMarked;
