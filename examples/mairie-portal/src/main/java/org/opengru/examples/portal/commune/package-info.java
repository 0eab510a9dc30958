/** The commune served by the portal: its teams, démarches, sites, desks and opening hours. */
@NullMarked
package org.opengru.examples.portal.commune;

import org.jspecify.annotations.NullMarked;
