/** Requests (demandes): the lifecycle as one transition table, commands, queries, the access policy, events and the deadline sweeper. */
@NullMarked
package org.opengru.core.request;

import org.jspecify.annotations.NullMarked;
