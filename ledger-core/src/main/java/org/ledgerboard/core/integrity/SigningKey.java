package org.ledgerboard.core.integrity;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A service's Ed25519 private key. Signs through BouncyCastle's lightweight API: about 20 times faster here than
 * the JDK 17 provider (STACK-FACTS.md).
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifyingKey verifyingKey;

    SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verifyingKey = new VerifyingKey(privateKey.generatePublicKey().getEncoded());
    }

    public static SigningKey generate() {
        return new SigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public String signBase64(byte[] message) {
        return Base64.getEncoder().encodeToString(sign(message));
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    public String keyId() {
        return verifyingKey.keyId();
    }

    Ed25519PrivateKeyParameters parameters() {
        return privateKey;
    }
}
