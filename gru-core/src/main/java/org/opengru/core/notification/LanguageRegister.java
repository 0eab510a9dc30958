package org.opengru.core.notification;

/** The wording an usager prefers. */
public enum LanguageRegister {
    /** Administrative French, complete sentences. */
    STANDARD,
    /** Français clair: short sentences, everyday words, one idea per line (langage clair et simple). */
    PLAIN
}
