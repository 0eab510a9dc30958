/** The reference municipal portal (portail de la mairie) built on the OpenGRU starter. */
@NullMarked
package org.opengru.examples.portal;

import org.jspecify.annotations.NullMarked;
