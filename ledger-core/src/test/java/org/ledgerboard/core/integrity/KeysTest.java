package org.ledgerboard.core.integrity;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerboard.core.canonical.Hashes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {
    /** RFC 8032 section 7.1, TEST 1: secret key, public key and the signature of the empty message. */
    private static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static SigningKey rfc8032Key() {
        return new SigningKey(new Ed25519PrivateKeyParameters(Hashes.fromHex(RFC8032_SECRET)));
    }

    @Test
    void signaturesMatchRfc8032TestVector1() {
        SigningKey key = rfc8032Key();

        assertThat(Hashes.hex(key.verifyingKey().raw())).isEqualTo(RFC8032_PUBLIC);
        assertThat(Hashes.hex(key.sign(new byte[0]))).isEqualTo(RFC8032_SIGNATURE);
    }

    @Test
    void keyIdIsTheRfc8037Thumbprint() {
        // RFC 8037 appendix A.3: the thumbprint of the RFC 8032 test key.
        assertThat(rfc8032Key().keyId()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        assertThat(rfc8032Key().verifyingKey().x()).isEqualTo("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    }

    @Test
    void aSignatureVerifiesOnlyForItsMessage() {
        SigningKey key = SigningKey.generate();
        byte[] message = "봉인".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);

        assertThat(key.verifyingKey().verify(message, signature)).isTrue();
        assertThat(key.verifyingKey().verify("other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(SigningKey.generate().verifyingKey().verify(message, signature)).isFalse();
    }

    @Test
    void aKeyIsGeneratedOnceThenLoadedFromItsPemFile(@TempDir Path dir) {
        Path file = dir.resolve("keys/team-service.pem");

        SigningKey first = KeyFiles.loadOrGenerate(file);
        SigningKey again = KeyFiles.loadOrGenerate(file);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.verifyingKey().verify("x".getBytes(), first.sign("x".getBytes()))).isTrue();
    }

    @Test
    void theKeyFileIsStandardPkcs8ThatTheJdkReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        KeyFiles.store(SigningKey.generate(), file);
        String pem = Files.readString(file);

        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der))).isNotNull();
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    @Test
    void somethingOtherThanAPrivateKeyIsRefused() {
        assertThatThrownBy(() -> KeyFiles.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void trustedKeysRoundTripAsAJwkSet(@TempDir Path dir) {
        SigningKey team = SigningKey.generate();
        SigningKey evaluation = SigningKey.generate();
        TrustedKeys keys = TrustedKeys.of("/team-service", team.verifyingKey())
                .plus(TrustedKeys.of("/evaluation-service", evaluation.verifyingKey()));
        Path file = dir.resolve("trusted-keys.json");

        keys.write(file);
        TrustedKeys read = TrustedKeys.read(file);

        assertThat(read).isEqualTo(keys);
        assertThat(read.find("/team-service", team.keyId())).contains(team.verifyingKey());
        assertThat(read.find("/evaluation-service", team.keyId())).isEmpty();
        assertThat(read.toJson()).contains("\"kty\" : \"OKP\"", "\"crv\" : \"Ed25519\"");
    }

    @Test
    void aJwkWhoseKidIsNotItsThumbprintIsRefused() {
        String json = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
                + "\"kid\":\"someone-else\",\"source\":\"/team-service\",\"alg\":\"EdDSA\"}]}";

        assertThatThrownBy(() -> TrustedKeys.parse(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thumbprint");
    }
}
