package org.opengru.core.usager;

import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;

/**
 * A person in a household (foyer), their relationship, and whether they may act for the household and
 * its children (a parent or legal guardian typically may).
 *
 * @param person the member
 * @param relationship their place in the household
 * @param mayActForHousehold whether they may act for the household and its children
 */
public record HouseholdMember(UsagerId person, Relationship relationship, boolean mayActForHousehold) {

    /** A member's place in the household. */
    public enum Relationship {
        /** Parent, legal guardian, head of household. */
        RESPONSIBLE_ADULT,
        /** Spouse, partner (pacsé) or concubin of a responsible adult. */
        SPOUSE_OR_PARTNER,
        /** A minor child of the household. */
        CHILD,
        /** Another adult living there (a grandparent, a lodger). */
        OTHER_ADULT
    }

    /**
     * Checks the parts; a child may not act for the household.
     *
     * @param person the member
     * @param relationship their place in the household
     * @param mayActForHousehold whether they may act for the household and its children
     * @throws org.opengru.core.error.ValidationException naming the bad part and the member
     */
    public HouseholdMember {
        Checks.required("member.person", person);
        Checks.required("member.relationship", relationship);
        Checks.check(
                !(relationship == Relationship.CHILD && mayActForHousehold),
                "member.mayActForHousehold",
                person,
                "a child cannot act for the household");
    }
}
