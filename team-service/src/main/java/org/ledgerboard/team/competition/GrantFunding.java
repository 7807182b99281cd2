package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record GrantFunding(@TargetAggregateIdentifier String competitionId, String grantId, String teamId,
                           String resource, BigDecimal amount, int round) {
}
