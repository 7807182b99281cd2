package org.ledgerboard.core.integrity;

import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.event.LedgerSealed;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a seal's signature covers: the RFC 8785 bytes of {competitionId, source, count, head}. */
public record SealStatement(String competitionId, String source, long count, String head) {

    public static SealStatement of(LedgerSealed seal) {
        return new SealStatement(seal.competitionId(), seal.source(), seal.count(), seal.head());
    }

    public byte[] bytes() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("competitionId", competitionId);
        statement.put("source", source);
        statement.put("count", count);
        statement.put("head", head);
        return Canonical.bytes(statement);
    }

    /** The signed {@link LedgerSealed} event for this statement. */
    public LedgerSealed sign(SigningKey key) {
        return new LedgerSealed(competitionId, source, count, head, key.keyId(), key.signBase64(bytes()));
    }
}
