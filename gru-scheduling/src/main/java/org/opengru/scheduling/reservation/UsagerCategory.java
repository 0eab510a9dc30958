package org.opengru.scheduling.reservation;

/** The tariff categories (catégories de tarif) a commune prices its rooms and equipment by. */
public enum UsagerCategory {
    /** Habitant de la commune. */
    RESIDENT,
    /** Habitant d'une autre commune. */
    NON_RESIDENT,
    /** Association (loi 1901). */
    ASSOCIATION,
    /** Entreprise. */
    COMPANY
}
