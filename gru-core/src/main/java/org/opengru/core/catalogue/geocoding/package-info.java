/**
 * Geocoding addresses: the {@link org.opengru.core.catalogue.geocoding.AddressGeocoder} port and its adapter
 * for the Base Adresse Nationale, {@link org.opengru.core.catalogue.geocoding.BanGeocoder}. The catalogue's
 * {@link org.opengru.core.catalogue.AddressCheck} uses it to check the addresses of a form.
 */
@NullMarked
package org.opengru.core.catalogue.geocoding;

import org.jspecify.annotations.NullMarked;
