/** The e-mail channel over SMTP (Jakarta Mail / Eclipse Angus, optional dependencies). */
@NullMarked
package org.opengru.core.notification.email;

import org.jspecify.annotations.NullMarked;
