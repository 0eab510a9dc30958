package org.opengru.scheduling.reservation;

/** A room (salle) or a piece of equipment (matériel: tables, barriers, a stage). */
public enum ReservableKind {
    /** A room (salle des fêtes, gymnase...). */
    ROOM,
    /** Equipment lent or rented (tables, barriers, a stage). */
    EQUIPMENT
}
