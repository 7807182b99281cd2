package org.ledgerboard.testkit;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.ledgerboard.service.api.Problem;
import org.ledgerboard.service.api.ProblemException;

import java.util.function.Predicate;

/** Hamcrest matchers for refusals, for Axon's {@code expectException(...)}. */
public final class ProblemMatchers {
    private ProblemMatchers() {
    }

    /** A 409 naming the broken rule. */
    public static Matcher<ProblemException> breaks(String rule) {
        return problem("rule " + rule, p -> p.status() == 409 && rule.equals(p.rule()));
    }

    /** A 403 naming the entitlement the actor lacks. */
    public static Matcher<ProblemException> notEntitled(String rule) {
        return problem("no entitlement " + rule, p -> p.status() == 403 && rule.equals(p.rule()));
    }

    /** A 400 naming the field at fault. */
    public static Matcher<ProblemException> invalid(String field) {
        return problem("invalid " + field, p -> p.status() == 400 && field.equals(p.field()));
    }

    /** A 422 naming the signature rule the act fails. */
    public static Matcher<ProblemException> unverifiable(String rule) {
        return problem("unverifiable " + rule, p -> p.status() == 422 && rule.equals(p.rule()));
    }

    public static Matcher<ProblemException> status(int status) {
        return problem("status " + status, p -> p.status() == status);
    }

    private static Matcher<ProblemException> problem(String description, Predicate<Problem> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProblemException e) {
                return test.test(e.problem());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a problem with " + description);
            }
        };
    }
}
