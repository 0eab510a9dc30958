package org.opengru.core.tenancy;

/** What kind of collectivité a tenant is. */
public enum TenantKind {
    /** A commune. */
    COMMUNE,
    /** An établissement public de coopération intercommunale (communauté de communes, d'agglomération...). */
    INTERCOMMUNALITE,
    /** A syndicat (SIVU, SIVOM, syndicat mixte) serving several communes from one installation. */
    SYNDICAT
}
