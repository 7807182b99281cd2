package org.ledgerboard.deploy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Commands at a fixed rate, whatever the answers' pace (wrk, a closed loop, sends the next only when one is answered,
 * so it cannot tell the latency at a given rate): request n is due at n/RATE seconds, sent then (or at once when
 * late), and its latency counts from when it was due, so a stall is charged to every request it delays. At most
 * 128 are in flight (each holds a connection; a backlog beyond that only delays sending, still timed from due). Each
 * request POSTs BODY with {n} replaced by its number (a new team, …) to PATH number (n-1) mod K, with its own
 * Idempotency-Key. The first WARM_UP seconds at the same rate are not counted (this client's own JIT warms up).
 * Usage: PacedCommands BASE_URL TOKEN RATE SECONDS BODY PATH...; prints
 * {@code achieved/s=A p50=Xms p99=Yms refused=R client-cpu=Cms}: over the counted seconds, A counts their 2xx
 * answers; C is this client's own CPU per request (it shares the machine with what it measures).
 */
public final class PacedCommands {
    private static final int IN_FLIGHT = 128;
    private static final int WARM_UP = 5;

    private PacedCommands() {
    }

    public static void main(String[] args) {
        String base = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String body = args[4];
        List<String> paths = List.of(args).subList(5, args.length);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService answering = Executors.newFixedThreadPool(2); // not a thread per answer: the cores are measured
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(answering)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        long uncounted = (long) rate * WARM_UP;
        long total = uncounted + (long) rate * seconds;
        for (long n = 1; n <= total; n++) {
            boolean counted = n > uncounted;
            long due = start + (n - 1) * TimeUnit.SECONDS.toNanos(1) / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait); // not a spin: the machine's two cores are what is measured
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get((int) ((n - 1) % paths.size()))))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", "paced-" + run + "-" + n)
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("{n}", run + n))).build();
            inFlight.acquireUninterruptibly();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                boolean ok = failure == null && answer.statusCode() / 100 == 2;
                if (counted && ok) {
                    latencies.add(System.nanoTime() - due);
                } else if (counted) {
                    refused.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        double sending = (System.nanoTime() - start) / 1e9 - WARM_UP;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        answering.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int answered = sorted.size();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf("achieved/s=%.0f p50=%s p99=%s refused=%d client-cpu=%.2fms%n",
                answered / Math.max(sending, 1.0 * seconds), millis(sorted, 0.50), millis(sorted, 0.99), refused.get(),
                cpu / 1e6 / total);
    }

    private static String millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "none";
        }
        long nanos = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1));
        return String.format("%.2fms", nanos / 1e6);
    }
}
