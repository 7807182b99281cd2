package org.ledgerboard.evaluation.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Body of {@code POST /competitions/{c}/rounds/{r}/submissions}; the digest is the model's lowercase hex SHA-256. */
public record SubmissionRequest(@Schema(pattern = Input.ID_PATTERN) String submissionId, @Schema(pattern = Input.ID_PATTERN) String teamId, String artifactDigest, String modelCardUri) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SubmissionRequest {
        if (submissionId != null) {
            Input.id(submissionId, "submissionId");
        }
        Input.id(teamId, "teamId");
        if (!SHA256.matcher(Input.required(artifactDigest, "artifactDigest")).matches()) {
            throw ProblemException.invalid("artifactDigest",
                    "artifactDigest must be a SHA-256 in lowercase hex (64 characters 0-9a-f)");
        }
        try {
            if (!new URI(Input.required(modelCardUri, "modelCardUri")).isAbsolute()) {
                throw ProblemException.invalid("modelCardUri", "modelCardUri must be an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("modelCardUri", "modelCardUri is not a URI: " + e.getMessage());
        }
    }
}
