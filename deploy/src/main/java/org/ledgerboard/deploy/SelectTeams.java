package org.ledgerboard.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prepares the write benchmark's competitions: selects teams p1…pCOUNT over team-service's API, team pN in
 * competition number (N-1) mod K (as {@code post-each.lua} numbers its requests), 16 requests at a time, and returns
 * once every one is answered (wrk cannot stop when a count is reached: it always runs its whole duration).
 * Usage: SelectTeams TEAM_SERVICE_URL TOKEN COUNT COMPETITION...; prints how many were refused, if any.
 */
public final class SelectTeams {
    private static final int IN_FLIGHT = 16;

    private SelectTeams() {
    }

    public static void main(String[] args) throws InterruptedException {
        String base = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        int competitions = args.length - 3;
        HttpClient client = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger refused = new AtomicInteger();
        for (int n = 1; n <= count; n++) {
            String competition = args[3 + (n - 1) % competitions];
            String body = "{\"teamId\":\"p" + n + "\",\"name\":\"p" + n + "\",\"leadOrganisation\":\"l\","
                    + "\"consortium\":[\"c\"],\"members\":[\"bench-member\"]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/competitions/" + competition + "/teams"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "select-" + competition + "-" + n)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 201) {
                    refused.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(IN_FLIGHT);
        if (refused.get() > 0) {
            System.err.println("SelectTeams: " + refused.get() + " of " + count + " selections were not answered 201");
        }
    }
}
