package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AppointOrganiser(@TargetAggregateIdentifier String competitionId, String subject) {
}
