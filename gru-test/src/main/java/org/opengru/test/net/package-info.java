/** Network fault injection for reliability tests: a TCP proxy that cuts connections on cue. */
@NullMarked
package org.opengru.test.net;

import org.jspecify.annotations.NullMarked;
