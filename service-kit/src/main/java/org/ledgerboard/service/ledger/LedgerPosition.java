package org.ledgerboard.service.ledger;

/** Where a record sits in {@code ledger.events}. */
public record LedgerPosition(int partition, long offset) {
}
