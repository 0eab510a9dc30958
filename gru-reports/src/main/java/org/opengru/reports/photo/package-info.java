/**
 * Photos of a signalement: refused when not a JPEG or PNG image, their EXIF GPS position read to suggest
 * the location, then every metadata block that can hold a position stripped before storage.
 */
@NullMarked
package org.opengru.reports.photo;

import org.jspecify.annotations.NullMarked;
