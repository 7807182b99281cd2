package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record DisburseFunding(@TargetAggregateIdentifier String competitionId, String grantId, String disbursementId,
                              BigDecimal amount) {
}
