/** gru-core wired for Spring: the stores chosen from the storage, the services, the tenants' teams and démarches. */
@NullMarked
package org.opengru.spring.core;

import org.jspecify.annotations.NullMarked;
