package org.ledgerboard.core.event;

/** A fact recorded on the ledger; every event belongs to one competition. */
public sealed interface LedgerEvent permits
        CompetitionLaunched, OrganiserAppointed, TeamSelected, TeamKeyRotated, TeamWithdrew, TeamSupportEnded,
        FundingGranted, FundingDisbursed, FundingRevoked,
        RoundOpened, EvaluatorAssigned, EvaluatorKeyRotated, SubmissionMade, EvaluationRecorded, RoundScored, RoundClosed,
        StandingsPublished, TeamEliminated, CompetitionConcluded,
        LedgerSealed {

    String competitionId();
}
