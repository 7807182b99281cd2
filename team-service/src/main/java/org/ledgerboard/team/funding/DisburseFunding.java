package org.ledgerboard.team.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record DisburseFunding(@TargetAggregateIdentifier String competitionId, String grantId, String disbursementId,
                              BigDecimal amount) {
}
