package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.PublicKeyJwk;

import java.util.List;

public record SelectTeam(@TargetAggregateIdentifier String competitionId, String teamId, String name,
                         String leadOrganisation, List<String> consortium, List<String> members,
                         PublicKeyJwk publicKey) {
}
