package org.ledgerboard.service.ledger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ledgerboard.core.integrity.TrustedKeys;

/** {@code GET /ledger/keys}: this service's public key as a JWK Set, for the auditor's trusted-keys file. */
@Path("/ledger/keys")
public class LedgerKeysResource {
    private final LedgerWriter writer;

    LedgerKeysResource(LedgerWriter writer) {
        this.writer = writer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TrustedKeys keys() {
        return TrustedKeys.of(writer.source(), writer.key().verifyingKey());
    }
}
