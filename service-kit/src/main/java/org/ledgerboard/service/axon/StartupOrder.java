package org.ledgerboard.service.axon;

/**
 * The order of start-up work (CDI observer priorities, lowest first): the ledger writer learns what the ledger
 * holds, the event store is made to follow it, what the store holds beyond the ledger starts going out, and only
 * then does Axon start taking commands.
 */
public final class StartupOrder {
    public static final int LEDGER = 1000;
    public static final int RECONCILIATION = 1100;
    public static final int CATCH_UP = 1150;
    public static final int AXON = 1200;

    private StartupOrder() {
    }
}
