package org.ledgerboard.core.event;

/** What a signer signs: an act together with the competition and round it is for, so it cannot be replayed elsewhere. */
public interface SignedAct {
    String competitionId();

    String roundId();
}
