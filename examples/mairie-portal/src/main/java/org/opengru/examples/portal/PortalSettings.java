package org.opengru.examples.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal shows about its commune.
 *
 * @param communeName the name shown in every page's header, for example "Mairie de Belleville-sur-Loire"
 * @param contactLine how to reach the town hall's reception, on one line
 */
@ConfigurationProperties("portal")
public record PortalSettings(
        @DefaultValue("Mairie de Belleville-sur-Loire") String communeName,

        @DefaultValue(
                "Accueil de la mairie : 1 place de la Mairie, 45000 Belleville-sur-Loire, 02 38 00 00 00, du lundi au vendredi de 8 h 30 à 17 h.")
        String contactLine) {}
