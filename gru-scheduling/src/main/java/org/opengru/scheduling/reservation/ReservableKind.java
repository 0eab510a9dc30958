package org.opengru.scheduling.reservation;

/** A room (salle) or a piece of equipment (matériel: tables, barriers, a stage). */
public enum ReservableKind {
    ROOM,
    EQUIPMENT
}
