package org.ledgerboard.team.competition;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Body of {@code POST /competitions}; amounts are decimal strings per resource, e.g. {"KRW": "100000000000"}. */
public record LaunchRequest(@Schema(pattern = Input.ID_PATTERN) String competitionId, String name, String organiser, Map<String, String> budget,
                            Integer finalists,
                            @Schema(enumeration = {"required", "optional"}, defaultValue = "required",
                                    description = "whether submissions and evaluations must be DSSE-signed; for good")
                            String signatures) {
    private static final Pattern RESOURCE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public LaunchRequest {
        if (competitionId != null) {
            Input.id(competitionId, "competitionId");
        }
        Input.required(name, "name");
        Input.required(organiser, "organiser");
        Input.required(finalists, "finalists");
        if (signatures == null) {
            signatures = CompetitionLaunched.REQUIRED;
        } else if (!CompetitionLaunched.REQUIRED.equals(signatures) && !CompetitionLaunched.OPTIONAL.equals(signatures)) {
            throw ProblemException.invalid("signatures", "signatures must be 'required' or 'optional'");
        }
        if (Input.required(budget, "budget").isEmpty()) {
            throw ProblemException.invalid("budget", "'budget' needs at least one resource");
        }
        budget.forEach((resource, amount) -> {
            if (!RESOURCE.matcher(resource).matches()) {
                throw ProblemException.invalid("budget." + resource,
                        "resource names are upper-case letters, digits and '_' (e.g. KRW, GPU_HOURS), got " + resource);
            }
            Input.positiveAmount(amount, "budget." + resource);
        });
    }

    SortedMap<String, BigDecimal> budgetAmounts() {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        budget.forEach((resource, amount) -> amounts.put(resource, new BigDecimal(amount)));
        return amounts;
    }
}
