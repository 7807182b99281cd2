package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawTeam(@TargetAggregateIdentifier String competitionId, String teamId, String reason) {
}
