package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record SelectTeam(@TargetAggregateIdentifier String competitionId, String teamId, String name,
                         String leadOrganisation, List<String> consortium, List<String> members) {
}
