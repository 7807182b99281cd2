package org.ledgerboard.team.competition;

/** Where a team stands: only an ACTIVE team receives funding. */
public enum TeamStatus { ACTIVE, WITHDRAWN, ELIMINATED }
