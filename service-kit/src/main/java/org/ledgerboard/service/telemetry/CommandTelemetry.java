package org.ledgerboard.service.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.ledgerboard.service.api.Actors;
import org.ledgerboard.service.api.Idempotent;
import org.ledgerboard.service.api.Problem;

/**
 * What became of each command: {@code ledgerboard.commands.accepted} and {@code ledgerboard.commands.refused} (per
 * command, and per rule for refusals), {@code ledgerboard.command.duration} (per command and outcome), and a log
 * line for every refusal, carrying the competition and the actor, so "why was this grant refused?" has an answer
 * in the logs as well as in the client's problem. Outside the idempotency interceptor: a replayed answer counts as
 * what it says.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 10)
public class CommandTelemetry {
    private static final Logger LOG = Logger.getLogger(CommandTelemetry.class);

    private final MeterRegistry metrics;
    private final Actors actors;
    private final UriInfo uri;

    CommandTelemetry(MeterRegistry metrics, Actors actors, UriInfo uri) {
        this.metrics = metrics;
        this.actors = actors;
        this.uri = uri;
    }

    @AroundInvoke
    Object measured(InvocationContext invocation) throws Exception {
        String command = commandName(invocation);
        String competitionId = uri.getPathParameters().getFirst("competitionId"); // none for a launch
        if (competitionId != null) {
            MDC.put(LogFields.COMPETITION, competitionId);
        }
        MDC.put(LogFields.ACTOR, actor());
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "failed";
        try {
            Object answer = invocation.proceed();
            if (answer instanceof Response response) {
                outcome = outcome(command, response);
            }
            return answer;
        } finally {
            sample.stop(Timer.builder("ledgerboard.command.duration")
                    .description("From a command's arrival to its answer (receipt or problem)")
                    .tag("command", command).tag("outcome", outcome).publishPercentileHistogram().register(metrics));
            MDC.remove(LogFields.COMPETITION);
            MDC.remove(LogFields.ACTOR);
        }
    }

    private String outcome(String command, Response response) {
        int status = response.getStatus();
        if (status < 400) {
            Counter.builder("ledgerboard.commands.accepted").description("Commands answered with a receipt")
                    .tag("command", command).register(metrics).increment();
            return "accepted";
        }
        Problem problem = response.getEntity() instanceof Problem p ? p : null;
        String rule = rule(status, problem);
        Counter.builder("ledgerboard.commands.refused")
                .description("Commands refused, by the rule or the kind of input at fault")
                .tag("command", command).tag("rule", rule).register(metrics).increment();
        String detail = problem == null ? "" : problem.detail();
        if (status >= 500) {
            LOG.warnf("%s not done (%d %s): %s", command, status, rule, detail);
            return "failed";
        }
        LOG.infof("%s refused (%d %s%s): %s", command, status, rule,
                problem != null && problem.field() != null ? ", field " + problem.field() : "", detail);
        return "refused";
    }

    /** The rule a refusal names; where it names none, the kind of refusal its status says. */
    static String rule(int status, Problem problem) {
        if (problem != null && problem.rule() != null) {
            return problem.rule();
        }
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "unauthenticated";
            case 403 -> "not-entitled";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "failure" : "refused";
        };
    }

    /** In the competition's words: the resource without "Resource", and its method, e.g. {@code funding.grant}. */
    private static String commandName(InvocationContext invocation) {
        String resource = invocation.getMethod().getDeclaringClass().getSimpleName().replace("Resource", "");
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1) + "." + invocation.getMethod().getName();
    }

    private String actor() {
        try {
            return actors.current().attribute();
        } catch (RuntimeException anonymous) { // refused later, with its problem
            return "anonymous";
        }
    }
}
