package org.ledgerboard.deploy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * This JVM's CPU time by kind of thread (the reading thread, GC, JIT compilers, …), read from Linux's {@code /proc}:
 * a benchmark prints it to show where its time per record goes. Read here rather than with {@code ThreadMXBean},
 * which sees neither the GC's nor the compilers' threads. What threads that ended meanwhile used (an audit's shards
 * end with its report) is the process's total less what its live threads used.
 */
final class ThreadCpu {
    private static final String ENDED = "threads that ended";
    private static final Path TASKS = Path.of("/proc/self/task");
    /** /proc counts CPU time in USER_HZ ticks, 100 a second on the architectures Java runs Linux on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long total;
    private final Map<String, ThreadTime> threads; // by thread id

    private record ThreadTime(String kind, long ticks) {
    }

    private ThreadCpu(long total, Map<String, ThreadTime> threads) {
        this.total = total;
        this.threads = threads;
    }

    /** The CPU time used so far; nothing where there is no {@code /proc}. */
    static ThreadCpu now() {
        Map<String, ThreadTime> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String kind = kind(Files.readString(task.resolve("comm")).trim());
                    threads.put(task.getFileName().toString(), new ThreadTime(kind, used(task.resolve("stat"))));
                } catch (NoSuchFileException ended) {
                    // it ended while being read: the process's total has it
                }
            }
            return new ThreadCpu(used(Path.of("/proc/self/stat")), threads);
        } catch (IOException noProc) {
            return new ThreadCpu(0, Map.of());
        }
    }

    /** Microseconds of CPU per record since {@code before}, in all and by kind of thread. */
    String perRecordSince(ThreadCpu before, long records) {
        Map<String, Long> byKind = new TreeMap<>();
        long live = 0;
        for (Map.Entry<String, ThreadTime> thread : threads.entrySet()) {
            ThreadTime earlier = before.threads.get(thread.getKey());
            long used = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            byKind.merge(thread.getValue().kind(), used, Long::sum);
            live += used;
        }
        byKind.put(ENDED, total - before.total - live);
        StringBuilder line = new StringBuilder(String.format("%.2f µs of CPU per record",
                micros(total - before.total, records)));
        byKind.forEach((kind, used) -> {
            if (used > 0) {
                line.append(String.format(", %s %.2f", kind, micros(used, records)));
            }
        });
        return line.toString();
    }

    private static double micros(long ticks, long records) {
        return ticks * 1e6 / TICKS_PER_SECOND / records;
    }

    /** utime + stime of a {@code stat} file, whose fields follow the command name, which may hold spaces. */
    private static long used(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A thread's kind, from its name as Linux keeps it (15 characters): "C2 CompilerThre" is the C2 compiler. */
    private static String kind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT " + name.substring(0, 2);
        } else if (name.startsWith("GC Thread")) {
            return "GC";
        }
        return name.equals("java") ? "main" : name.replaceAll("[#0-9 ]+$", "");
    }
}
