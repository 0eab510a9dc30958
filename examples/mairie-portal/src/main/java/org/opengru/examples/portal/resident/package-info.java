/** The resident's pages (espace usager): démarches, requests, documents, appointments. */
@NullMarked
package org.opengru.examples.portal.resident;

import org.jspecify.annotations.NullMarked;
