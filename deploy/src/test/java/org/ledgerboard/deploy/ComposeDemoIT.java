package org.ledgerboard.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/compose.yaml as a user runs it: the official apache/kafka and mongo images and the four services built
 * from their Dockerfile.jvm, with keys made as `deploy/ledgerboard init` makes them; the founding demo is played
 * against it through the REST APIs. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeDemoIT {
    private static final Map<String, String> PORT_VARIABLES = Map.of("team-service", "LEDGERBOARD_TEAM_PORT",
            "evaluation-service", "LEDGERBOARD_EVALUATION_PORT", "ranking-service", "LEDGERBOARD_RANKING_PORT",
            "projections", "LEDGERBOARD_PROJECTIONS_PORT");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFoundingDemoIsPlayedAndDecidedOnCompose(@TempDir Path home) throws Exception {
        ServiceKeys.main(new String[] {home.toString()});
        LocalIssuer.in(home.resolve("issuer")).token("auditor", "probe", Duration.ofMinutes(1)); // makes its keys
        Map<String, String> urls = new LinkedHashMap<>();
        ComposeContainer compose = new ComposeContainer(new File("compose.yaml")).withBuild(true)
                .withRemoveVolumes(true).withEnv("LEDGERBOARD_HOME", home.toString())
                .withEnv("LEDGERBOARD_USER", owner(home));
        for (var service : PORT_VARIABLES.entrySet()) {
            int port = freePort();
            compose.withEnv(service.getValue(), Integer.toString(port));
            urls.put(service.getKey(), "http://127.0.0.1:" + port);
        }
        compose.start();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> urls.values().stream().allMatch(url -> status(url + "/q/health/ready") == 200));

            FoundingDemo.main(new String[] {urls.get("team-service"), urls.get("evaluation-service"),
                    urls.get("ranking-service"), home.resolve("issuer").toString()}); // waits for the elimination

            String standings = get(urls.get("ranking-service") + "/competitions/sovereign-ai-2025/standings").body();
            assertThat(standings).contains("\"eliminated\":[\"");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    status(urls.get("projections") + "/competitions/sovereign-ai-2025/funding") == 200);
        } finally {
            compose.stop();
        }
    }

    /** "uid:gid" of the folder's owner: the services run as the user who made the keys, as the README says. */
    private static String owner(Path folder) throws IOException {
        return Files.getAttribute(folder, "unix:uid") + ":" + Files.getAttribute(folder, "unix:gid");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The answer's status, or -1 while nothing answers there yet. */
    private int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
