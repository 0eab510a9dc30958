package org.opengru.core.usager;

import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;

/**
 * A person in a household (foyer), their relationship, and whether they may act for the household and
 * its children (a parent or legal guardian typically may).
 */
public record HouseholdMember(UsagerId person, Relationship relationship, boolean mayActForHousehold) {

    /** A member's place in the household. */
    public enum Relationship {
        /** Parent, legal guardian, head of household. */
        RESPONSIBLE_ADULT,
        SPOUSE_OR_PARTNER,
        CHILD,
        OTHER_ADULT
    }

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
