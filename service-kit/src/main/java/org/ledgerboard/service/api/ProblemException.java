package org.ledgerboard.service.api;

/** A request the service refuses, with the problem it answers. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    protected ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the input itself is wrong; {@code field} is the JSON field or parameter at fault. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(new Problem("/problems/invalid-input", "Invalid input", 400, detail, field, null));
    }

    /** 409: the input is well-formed but a competition rule forbids it now. */
    public static ProblemException ruleBroken(String rule, String detail) {
        return new ProblemException(new Problem("/problems/rule/" + rule, "Rule broken: " + rule, 409, detail, null, rule));
    }

    /** 404: the addressed competition, team, grant, … does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(new Problem("/problems/not-found", "Not found", 404, detail, null, null));
    }

    /** 503: a service this one depends on did not answer; nothing was recorded. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(new Problem("/problems/unavailable", "Service unavailable", 503, detail, null, null));
    }

    /** 422: a signed act that cannot be accepted: unsigned where required, a signature that does not verify, … */
    public static ProblemException unverifiable(String rule, String detail) {
        return new ProblemException(new Problem("/problems/signature/" + rule, "Signature refused: " + rule, 422,
                detail, null, rule));
    }

    /** 401: the act needs a valid bearer token, and this request has none. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(new Problem("/problems/unauthenticated", "Unauthenticated", 401, detail, null, null));
    }

    /** 403: the actor is authenticated but not entitled to this act; {@code rule} names the entitlement missing. */
    public static ProblemException notEntitled(String rule, String detail) {
        return new ProblemException(new Problem("/problems/forbidden/" + rule, "Not entitled: " + rule, 403, detail,
                null, rule));
    }
}
