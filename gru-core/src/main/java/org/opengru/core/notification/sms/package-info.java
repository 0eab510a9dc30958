/** The SMS channel: a gateway port, a generic HTTP adapter, GSM 03.38 / UCS-2 segment counting and cost estimates. */
@NullMarked
package org.opengru.core.notification.sms;

import org.jspecify.annotations.NullMarked;
