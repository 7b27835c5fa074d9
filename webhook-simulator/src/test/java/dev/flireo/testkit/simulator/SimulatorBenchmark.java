package dev.flireo.testkit.simulator;

import dev.flireo.testkit.contracts.Dialect;
import dev.flireo.testkit.contracts.EventType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Load harness (not a test; never part of {@code mvn verify}): signed events per second into a local sink on
 * 127.0.0.1, against a plain unsigned java.net.http loop into the same sink, and the time from command start to the
 * first delivery. Run it with {@code mvn -B -o -pl webhook-simulator -am -Pbenchmark -DskipTests verify}; see the
 * module README. Every loop is bounded in count and time.
 */
public final class SimulatorBenchmark {

    private static final String SECRET = "whsec_benchmark";

    private final BenchmarkSink sink;
    private final AtomicLong received;

    private SimulatorBenchmark() throws IOException {
        sink = new BenchmarkSink();
        received = sink.received;
    }

    private URI target() {
        return URI.create("http://127.0.0.1:" + sink.port() + "/webhooks");
    }

    public static void main(String[] args) throws Exception {
        // As the flireo CLI does: on two cores CompletableFuture would otherwise start a thread per async task.
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        int events = intArg(args, "--events", 50_000);
        int calls = intArg(args, "--calls", 1_000);
        Path launcher = Path.of(stringArg(args, "--launcher", "../flireo"));
        SimulatorBenchmark bench = new SimulatorBenchmark();
        try {
            bench.run(events, calls, launcher);
        } finally {
            bench.sink.close();
        }
        System.exit(0);
    }

    private void run(int events, int calls, Path launcher) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("| measurement | result |");
        lines.add("|---|---|");
        byte[] body = sampleBody();
        // Warm both paths up so neither pays class loading and JIT in its figures.
        baseline(body, 5_000, 200, false);
        baseline(body, 5_000, 200, true);
        signed(body, 5_000, 200);
        double plain = baseline(body, events, calls, false);
        double tuned = baseline(body, events, calls, true);
        double signed = signed(body, events, calls);
        lines.add(row(
                "plain unsigned java.net.http loop, default client, " + calls + " in flight (baseline)", rate(plain)));
        lines.add(row(
                "plain unsigned loop, client with the sender's 2-thread executor, " + calls + " in flight",
                rate(tuned) + String.format(Locale.ROOT, " (%.2f x baseline)", tuned / plain)));
        lines.add(row(
                "WebhookSender: signed, judged, " + calls + " in flight",
                rate(signed)
                        + String.format(
                                Locale.ROOT,
                                " (%.2f x baseline, %.2f x the same client unsigned)",
                                signed / plain,
                                signed / tuned)));
        campaign(calls);
        for (int parallel : new int[] {calls, calls * 5}) {
            Campaign campaign = campaign(parallel);
            lines.add(row(
                    "campaign-batch, " + parallel + " concurrent calls, compressed time: " + campaign.deliveries
                            + " deliveries in " + ms(campaign.elapsed),
                    rate(campaign.deliveries / seconds(campaign.elapsed)) + ", " + campaign.failed
                            + " failed verdicts"));
        }
        Campaign sustained = sustained(calls, 10);
        lines.add(row(
                "campaign-batch held at " + calls + " concurrent calls (10 runs of " + calls / 10
                        + " calls side by side, each replaced when it ends): " + sustained.deliveries
                        + " deliveries in "
                        + ms(sustained.elapsed),
                rate(sustained.deliveries / seconds(sustained.elapsed)) + ", " + sustained.failed
                        + " failed verdicts"));
        Duration inProcess = firstDeliveryInProcess();
        lines.add(row("first delivery after run() in a warm JVM (inbound-happy-path)", ms(inProcess)));
        if (Files.isExecutable(launcher) && Files.exists(launcher.resolveSibling("cli/target/flireo.jar"))) {
            firstDeliveryFromCommand(launcher);
            List<Duration> cold = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cold.add(firstDeliveryFromCommand(launcher));
            }
            Collections.sort(cold);
            lines.add(row(
                    "first delivery after `./flireo replay inbound-happy-path ...` starts (median of 5; JVM"
                            + " start, class-data archive of the launcher)",
                    ms(cold.get(2)) + " (min " + ms(cold.get(0)) + ", max " + ms(cold.get(4)) + ")"));
        } else {
            lines.add(row("first delivery from the command line", "skipped: run ./flireo --version first"));
        }
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + "; " + Instant.now());
        String table = String.join("\n", lines);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark.md"), table + "\n");
    }

    /** A realistic status-update body of the Flireo dialect. */
    private static byte[] sampleBody() {
        CallSnapshot call = CallSnapshot.start(
                "5c4d030f-43e3-4e65-899e-8148521e660f",
                CallType.INBOUND,
                CallStatus.IN_PROGRESS,
                "+31850835037",
                "Flireo Demo",
                "+31612345678",
                Instant.now());
        return CallEvents.of(Dialect.FLIREO).render(EventType.STATUS_UPDATE, call);
    }

    /** Sends {@code total} requests with at most {@code inFlight} outstanding; returns requests per second. */
    private static double window(int total, int inFlight, Supplier<CompletableFuture<?>> send) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            if (!slots.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the sink stopped answering");
            }
            all.add(send.get().whenComplete((r, e) -> slots.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private double baseline(byte[] body, int total, int inFlight, boolean sendersExecutor) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (sendersExecutor) {
            builder.executor(java.util.concurrent.Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "baseline-client");
                thread.setDaemon(true);
                return thread;
            }));
        }
        HttpClient client = builder.build();
        HttpRequest request = HttpRequest.newBuilder(target())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return window(
                total,
                inFlight,
                () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                        .thenAccept(response -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("the sink answered " + response.statusCode());
                            }
                        }));
    }

    private double signed(byte[] body, int total, int inFlight) throws Exception {
        WebhookSender sender = WebhookSender.builder().secret(SECRET).build();
        URI target = target();
        return window(
                total,
                inFlight,
                () -> sender.sendAsync(target, EventType.STATUS_UPDATE, body).thenAccept(delivery -> {
                    if (!delivery.passed()) {
                        throw new IllegalStateException(delivery.toString());
                    }
                }));
    }

    private record Campaign(long deliveries, long failed, Duration elapsed) {}

    private Campaign campaign(int calls) {
        long start = System.nanoTime();
        SimulationReport report = WebhookSimulator.target(target())
                .secret(SECRET)
                .seed(1)
                .run(Scenario.named("campaign-batch").withCalls(calls));
        return new Campaign(
                report.deliveries().size(), report.failures().size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A steady load rather than one burst: {@code lanes} runs of {@code calls / lanes} calls each go side by side,
     * and each lane starts its next run as soon as the last one ends, ten times, so about {@code calls} calls are
     * live all the time. One burst spends much of its time ramping up and draining; this measures the middle.
     */
    private Campaign sustained(int calls, int lanes) throws Exception {
        long start = System.nanoTime();
        AtomicLong deliveries = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int seed = lane;
            running.add(CompletableFuture.runAsync(
                    () -> {
                        for (int round = 0; round < 10; round++) {
                            SimulationReport report = WebhookSimulator.target(target())
                                    .secret(SECRET)
                                    .seed(seed * 100 + round)
                                    .run(Scenario.named("campaign-batch").withCalls(calls / lanes));
                            deliveries.addAndGet(report.deliveries().size());
                            failed.addAndGet(report.failures().size());
                        }
                    },
                    pool));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        return new Campaign(deliveries.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private Duration firstDeliveryInProcess() {
        long before = received.get();
        long start = System.nanoTime();
        WebhookSimulator simulator =
                WebhookSimulator.target(target()).secret(SECRET).seed(2);
        long[] first = new long[1];
        simulator
                .progress(line -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                })
                .run(Scenario.named("inbound-happy-path"));
        if (received.get() == before) {
            throw new IllegalStateException("no delivery arrived");
        }
        return Duration.ofNanos(first[0] - start);
    }

    private Duration firstDeliveryFromCommand(Path launcher) throws Exception {
        long before = received.get();
        sink.resetFirst();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        launcher.toString(),
                        "replay",
                        "inbound-happy-path",
                        "--target",
                        target().toString(),
                        "--secret",
                        SECRET,
                        "--seed",
                        "3")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("flireo replay did not finish within 60 s");
        }
        long firstAt = sink.firstNanos.get();
        if (received.get() == before || firstAt == 0) {
            throw new IllegalStateException("flireo replay sent nothing (exit " + process.exitValue() + ")");
        }
        return Duration.ofNanos(firstAt - start);
    }

    private static String row(String what, String result) {
        return "| " + what + " | " + result + " |";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f events/s", perSecond);
    }

    private static String ms(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
