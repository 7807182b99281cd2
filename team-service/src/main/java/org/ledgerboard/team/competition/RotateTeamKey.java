package org.ledgerboard.team.competition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ledgerboard.core.event.PublicKeyJwk;

/** Binds a new signing key to a team, or revokes its key when {@code publicKey} is null. */
public record RotateTeamKey(@TargetAggregateIdentifier String competitionId, String teamId, PublicKeyJwk publicKey,
                            String reason) {
}
