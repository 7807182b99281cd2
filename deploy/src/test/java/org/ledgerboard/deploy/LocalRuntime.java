package org.ledgerboard.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code deploy/ledgerboard} as a user runs it, on free ports and with its own data folder under target/. */
final class LocalRuntime {
    private static final Path SCRIPT = Path.of("ledgerboard").toAbsolutePath();

    /** What a command printed and how it ended. */
    record Run(int exit, String output) {
    }

    final Path home;
    private final Map<String, String> env = new HashMap<>();

    LocalRuntime(String name) throws IOException {
        this(name, 1);
    }

    /**
     * A runtime for {@code up --brokers BROKERS}: broker i takes the Kafka port + 2(i - 1) and the controller port
     * + 2(i - 1), so the two ports given are the first of a free block of 2 x BROKERS.
     */
    LocalRuntime(String name, int brokers) throws IOException {
        this(name, brokers, 1);
    }

    /**
     * A runtime for {@code up --brokers BROKERS --replicas REPLICAS}: instance i of a service takes the service's
     * port + 10(i - 1), so with several instances the services' ports are the first of a free block.
     */
    LocalRuntime(String name, int brokers, int replicas) throws IOException {
        home = Path.of("target", name).toAbsolutePath();
        deleteRecursively(home);
        env.put("LEDGERBOARD_HOME", home.toString());
        List<String> names = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "STORE_PORT", "TEAM_PORT",
                "EVALUATION_PORT", "RANKING_PORT", "PROJECTIONS_PORT");
        List<Integer> ports = freePorts(names.size());
        for (int i = 0; i < names.size(); i++) {
            env.put("LEDGERBOARD_" + names.get(i), Integer.toString(ports.get(i)));
        }
        // one block for the brokers' ports and the instances' (blocks found one after the other could overlap)
        int brokerPorts = brokers > 1 ? 2 * brokers : 0;
        int instancePorts = replicas > 1 ? 4 + 10 * (replicas - 1) : 0;
        if (brokerPorts + instancePorts > 0) {
            int first = freeBlock(brokerPorts + instancePorts);
            if (brokers > 1) {
                env.put("LEDGERBOARD_KAFKA_PORT", Integer.toString(first));
                env.put("LEDGERBOARD_KAFKA_CONTROLLER_PORT", Integer.toString(first + 1));
            }
            List<String> services = List.of("TEAM_PORT", "EVALUATION_PORT", "RANKING_PORT", "PROJECTIONS_PORT");
            for (int k = 0; replicas > 1 && k < services.size(); k++) {
                env.put("LEDGERBOARD_" + services.get(k), Integer.toString(first + brokerPorts + k));
            }
        }
    }

    /** Sets an environment variable of every later command, e.g. a service setting the script passes on. */
    LocalRuntime with(String name, String value) {
        env.put(name, value);
        return this;
    }

    Run ledgerboard(String... args) throws IOException, InterruptedException {
        Run run = quietly(args);
        System.out.println("$ ledgerboard " + String.join(" ", args) + "\n" + run.output());
        return run;
    }

    /** As {@link #ledgerboard}, without printing what it printed (a token, say, has no place in a test log). */
    Run quietly(String... args) throws IOException, InterruptedException {
        return run(SCRIPT, args);
    }

    /** A script of deploy/bench, e.g. {@code bench("chaos.sh", "30")}, against this runtime; its output printed. */
    Run bench(String script, String... args) throws IOException, InterruptedException {
        Run run = run(SCRIPT.resolveSibling("bench").resolve(script), args);
        System.out.println("$ deploy/bench/" + script + " " + String.join(" ", args) + "\n" + run.output());
        return run;
    }

    private Run run(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("ledgerboard", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    /** The base URL of a service, e.g. {@code url("TEAM")}, or of one of its instances: {@code url("TEAM-2")}. */
    String url(String service) {
        String[] instance = service.split("-");
        int port = Integer.parseInt(env.get("LEDGERBOARD_" + instance[0] + "_PORT"));
        return "http://127.0.0.1:" + (instance.length == 1 ? port : port + 10 * (Integer.parseInt(instance[1]) - 1));
    }

    String kafka() {
        return "127.0.0.1:" + env.get("LEDGERBOARD_KAFKA_PORT");
    }

    /** Kills a process of the runtime with SIGKILL, as a crash would, and waits until it is gone. */
    void kill(String name) throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("run").resolve(name + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Stops (SIGSTOP) or resumes (SIGCONT) a process of the runtime: an instance paused, then revived. */
    void signal(String name, String signal) throws Exception {
        String pid = Files.readString(home.resolve("run").resolve(name + ".pid")).trim();
        assertExit(new ProcessBuilder("kill", "-" + signal, pid).start().waitFor(), "kill -" + signal + " " + name);
    }

    private static void assertExit(int exit, String what) {
        if (exit != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exit);
        }
    }

    /** Distinct free ports: all sockets stay open until every port is chosen, so none is handed out twice. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The first of COUNT consecutive ports that are free now (below the range the system hands out at random). */
    private static int freeBlock(int count) throws IOException {
        for (int first = 20_000; first < 30_000; first += count) {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int port = first; port < first + count; port++) {
                    sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                }
                return first;
            } catch (IOException taken) {
                // try the next block
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
        throw new IOException("no " + count + " consecutive free ports between 20000 and 30000");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
