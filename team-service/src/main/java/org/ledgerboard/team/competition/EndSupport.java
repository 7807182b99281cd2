package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ledger recorded a team's elimination ({@code cause} = that event's id): stop supporting it. */
public record EndSupport(@TargetAggregateIdentifier String competitionId, String teamId, String cause) {
}
