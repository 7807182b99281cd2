package org.ledgerboard.deploy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * answers; C is this client's own CPU per counted request, from the end of the warm-up (it shares the machine with
 * what it measures). The client is
 * Vert.x's, on one event loop: the JDK's HttpClient cost ~0.5 ms of CPU per request, a quarter of the machine at
 * 1,000 requests/s, taken from the services it measures.
 */
public final class PacedCommands {
    private static final int IN_FLIGHT = 128;
    private static final int WARM_UP = 5;

    private PacedCommands() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI base = URI.create(args[0]);
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String body = args[4];
        List<String> paths = List.of(args).subList(5, args.length);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()).setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        long uncounted = (long) rate * WARM_UP;
        long total = uncounted + (long) rate * seconds;
        CountDownLatch answered = new CountDownLatch(Math.toIntExact(total));
        long cpuAtStart = 0;
        for (long n = 1; n <= total; n++) {
            boolean counted = n > uncounted;
            if (n == uncounted + 1) {
                cpuAtStart = cpuNanos();
            }
            long due = start + (n - 1) * TimeUnit.SECONDS.toNanos(1) / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait); // not a spin: the machine's two cores are what is measured
            }
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setTimeout(30_000)
                    .setURI(base.getPath() + paths.get((int) ((n - 1) % paths.size())))
                    .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
                    .putHeader("Idempotency-Key", "paced-" + run + "-" + n);
            Buffer payload = Buffer.buffer(body.replace("{n}", run + n));
            inFlight.acquireUninterruptibly();
            client.request(request).compose(sent -> sent.send(payload)).compose(answer -> answer.body()
                    .map(ignored -> answer.statusCode())).onComplete(status -> {
                boolean ok = status.succeeded() && status.result() / 100 == 2;
                if (counted && ok) {
                    latencies.add(System.nanoTime() - due);
                } else if (counted) {
                    refused.incrementAndGet();
                }
                inFlight.release();
                answered.countDown();
            });
        }
        double sending = (System.nanoTime() - start) / 1e9 - WARM_UP;
        answered.await();
        vertx.close();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long cpu = cpuNanos() - cpuAtStart;
        System.out.printf("achieved/s=%.0f p50=%s p99=%s refused=%d client-cpu=%.2fms%n",
                sorted.size() / Math.max(sending, 1.0 * seconds), millis(sorted, 0.50), millis(sorted, 0.99),
                refused.get(), cpu / 1e6 / (total - uncounted));
    }

    /** This process's CPU time so far: the client's cost per request is what it adds over the counted ones. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "none";
        }
        long nanos = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1));
        return String.format("%.2fms", nanos / 1e6);
    }
}
