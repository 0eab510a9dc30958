/**
 * The access contract: every public service method, run as each foreign principal, is refused and
 * changes nothing; a method without a row fails the build.
 */
@NullMarked
package org.opengru.test.access;

import org.jspecify.annotations.NullMarked;
