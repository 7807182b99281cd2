package org.ledgerboard.deploy;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a JFR recording's execution samples say of where a process spends its CPU: by library (the package of the
 * method on top of each sample), by method on top (self), and by method anywhere in the sampled stack (inclusive:
 * JFR keeps each stack's top 64 frames, so a request's outermost frames count only where its stack is shallower).
 * JFR samples threads running Java code; time in the kernel or the JVM's own threads (compiler, GC) is not in it.
 * Used by {@code deploy/bench/hot-paths.sh}. Arguments: TOP FILE...; for each file, its name and summary.
 */
public final class HotPaths {
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /** Sample counts of one recording. */
    record Summary(long samples, Map<String, Long> byLibrary, Map<String, Long> self, Map<String, Long> inclusive) {
        /** The {@code n} largest counts of {@code counts}, largest first. */
        static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
        }
    }

    private HotPaths() {
    }

    public static void main(String[] args) throws IOException {
        int top = Integer.parseInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            Summary summary = of(file);
            System.out.printf("%s: %d execution samples%n", file.getFileName(), summary.samples());
            print("  by library", summary.byLibrary(), summary.samples(), 8);
            print("  self", summary.self(), summary.samples(), top);
            print("  inclusive", summary.inclusive(), summary.samples(), top);
        }
    }

    static Summary of(Path recording) throws IOException {
        long samples = 0;
        Map<String, Long> byLibrary = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals(EXECUTION_SAMPLE) || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                RecordedFrame onTop = frames.get(0);
                byLibrary.merge(library(onTop.getMethod().getType().getName()), 1L, Long::sum);
                self.merge(name(onTop), 1L, Long::sum);
                Set<String> inStack = new HashSet<>(); // a recursive method counts once per sample
                frames.forEach(frame -> inStack.add(name(frame)));
                inStack.forEach(method -> inclusive.merge(method, 1L, Long::sum));
            }
        }
        return new Summary(samples, byLibrary, self, inclusive);
    }

    /**
     * The library a class belongs to, as its package's first two names (org.h2, io.netty, com.mongodb), three
     * where the first two name an organisation of many libraries (org.apache.kafka, org.jboss.resteasy); the
     * JDK's own packages as one.
     */
    static String library(String className) {
        if (className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.")) {
            return "JDK";
        }
        String[] names = className.split("\\.");
        boolean umbrella = names.length > 3 && List.of("org.apache", "org.jboss", "io.smallrye", "io.quarkus")
                .contains(names[0] + "." + names[1]);
        int depth = Math.min(umbrella ? 3 : 2, names.length - 1);
        return String.join(".", List.of(names).subList(0, Math.max(depth, 1)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long samples, int n) {
        System.out.println(title + ":");
        Summary.top(counts, n).forEach(entry -> System.out.printf("    %5.1f%%  %s%n",
                100.0 * entry.getValue() / Math.max(samples, 1), entry.getKey()));
    }
}
