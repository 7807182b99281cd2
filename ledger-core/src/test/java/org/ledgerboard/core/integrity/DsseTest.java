package org.ledgerboard.core.integrity;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.SignedEvaluation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DSSE v1 as its specification defines it. */
class DsseTest {
    private final SigningKey key = SigningKey.generate();
    private final SignedEvaluation act = new SignedEvaluation("c", "r1", "s-t1", "ev-a", "x", "9");

    @Test
    void thePreAuthenticationEncodingIsTheSpecsExample() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void anEnvelopeVerifiesWithItsKeyAndCarriesTheCanonicalAct() {
        Envelope envelope = Dsse.sign(key, Envelope.EVALUATION, act);

        assertThat(Dsse.verifiedPayload(envelope, Dsse.jwkOf(key.verifyingKey()))).hasValueSatisfying(payload ->
                assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                        "{\"competitionId\":\"c\",\"criterion\":\"x\",\"evaluatorId\":\"ev-a\",\"roundId\":\"r1\","
                                + "\"score\":\"9\",\"submissionId\":\"s-t1\"}"));
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Envelope envelope = Dsse.sign(key, Envelope.EVALUATION, act);

        assertThat(Dsse.verifiedPayload(envelope, Dsse.jwkOf(SigningKey.generate().verifyingKey()))).isEmpty();
    }

    @Test
    void aPayloadAlteredAfterSigningDoesNotVerify() {
        Envelope envelope = Dsse.sign(key, Envelope.EVALUATION, act);
        String altered = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(envelope.payload()),
                StandardCharsets.UTF_8).replace("\"9\"", "\"10\"").getBytes(StandardCharsets.UTF_8));

        assertThat(Dsse.verifiedPayload(new Envelope(envelope.payloadType(), altered, envelope.signatures()),
                Dsse.jwkOf(key.verifyingKey()))).isEmpty();
    }

    @Test
    void anotherPayloadTypeDoesNotVerify() {
        Envelope envelope = Dsse.sign(key, Envelope.EVALUATION, act);

        assertThat(Dsse.verifiedPayload(new Envelope(Envelope.SUBMISSION, envelope.payload(), envelope.signatures()),
                Dsse.jwkOf(key.verifyingKey()))).isEmpty();
    }

    @Test
    void urlSafeBase64IsAcceptedToo() {
        Envelope envelope = Dsse.sign(key, Envelope.EVALUATION, act);
        Base64.Encoder urlSafe = Base64.getUrlEncoder().withoutPadding();
        Envelope rewritten = new Envelope(envelope.payloadType(),
                urlSafe.encodeToString(Base64.getDecoder().decode(envelope.payload())),
                List.of(new Envelope.Signature(null,
                        urlSafe.encodeToString(Base64.getDecoder().decode(envelope.signatures().get(0).sig())))));

        assertThat(Dsse.verifiedPayload(rewritten, Dsse.jwkOf(key.verifyingKey()))).isPresent();
    }
}
