package org.ledgerboard.core.integrity;


import org.ledgerboard.core.canonical.Canonical;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement of what projections held for a competition: the Merkle tree size and root over its records,
 * and the digest of the views folded from them. The signature covers the RFC 8785 bytes of the four fields.
 */
public record Checkpoint(String competitionId, long treeSize, String rootHash, String viewsDigest, long position,
                         String keyId, String signature) {

    /** The bytes the signature covers. */
    public byte[] statement() {
        return statement(competitionId, treeSize, rootHash, viewsDigest);
    }

    /** True when a trusted key of {@code source} signed this checkpoint. */
    public boolean signedBy(TrustedKeys keys, String source) {
        return keys.find(source, keyId).map(k -> k.verifyBase64(statement(), signature)).orElse(false);
    }

    public static byte[] statement(String competitionId, long treeSize, String rootHash, String viewsDigest) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("competitionId", competitionId);
        fields.put("treeSize", treeSize);
        fields.put("rootHash", rootHash);
        fields.put("viewsDigest", viewsDigest);
        return Canonical.bytes(fields);
    }
}
