package org.opengru.core.satisfaction;

/** What a survey follows. */
public enum SurveyOccasion {
    /** A request was decided (accepted or rejected). */
    REQUEST_DECIDED,
    /** An appointment took place. */
    APPOINTMENT_ATTENDED
}
