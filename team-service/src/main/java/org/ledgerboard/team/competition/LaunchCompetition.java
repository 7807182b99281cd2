package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.SortedMap;

public record LaunchCompetition(@TargetAggregateIdentifier String competitionId, String name, String organiser,
                                SortedMap<String, BigDecimal> budget, int finalists, String signatures) {
}
