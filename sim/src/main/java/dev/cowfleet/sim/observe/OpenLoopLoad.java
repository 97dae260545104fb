package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.app.Request;
import dev.cowfleet.sim.app.RequestMix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the request mix as an open-loop load: arrival times are drawn in advance (Poisson at the given
 * rate, seeded) and each request leaves at its time whether or not earlier ones were answered, as
 * users' requests do. The schedule is bounded in count and the run in time.
 *
 * <p>Each request is HTTP/1.0 on its own connection with {@code Connection: close}. Sync Gunicorn
 * workers and uWSGI's http-socket close the connection after every response; a pooling client that
 * reuses such a connection loses the request when the server's close crosses it (that is how an
 * earlier keep-alive client dropped a few requests per run under uWSGI).
 */
final class OpenLoopLoad {
    /** At most this many requests in flight; beyond it the load would measure the client, not the server. */
    private static final int MAX_IN_FLIGHT = 64;
    private static final int TIMEOUT_MS = 30_000;
    private static final long GRACE_MS = 30_000;
    /** The schedule's bound in count, whatever rate and duration ask for. */
    static final int MAX_REQUESTS = 1_000_000;

    /**
     * What the load did.
     *
     * @param sent          requests sent
     * @param failed        requests that raised or were answered 5xx
     * @param firstFailure  the first failing request and why, or null
     * @param seconds       from the first scheduled request to the last answer: longer than the schedule
     *                      when the server fell behind and requests queued
     */
    record Outcome(long sent, long failed, String firstFailure, double seconds) {
        boolean mostFailed() {
            return sent > 0 && failed * 2 > sent;
        }
    }

    private final RequestMix mix;
    private final List<byte[]> bodies = new ArrayList<>();
    private final int port;

    OpenLoopLoad(RequestMix mix, int port) {
        this.mix = mix;
        this.port = port;
        for (Request request : mix.requests()) {
            try {
                bodies.add(request.body().isPresent() ? Files.readAllBytes(request.body().get()) : new byte[0]);
            } catch (IOException e) {
                throw new ObserveException(mix.file() + ":" + request.line() + ": cannot read the body file (" + e.getMessage() + ")");
            }
        }
    }

    /** Arrival times in seconds: Poisson at {@code rate} per second over {@code seconds}. */
    static double[] poissonArrivals(double rate, double seconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int cap = (int) Math.min(MAX_REQUESTS, Math.ceil(rate * seconds * 2 + 100));
        double[] times = new double[cap];
        int n = 0;
        double t = -Math.log(1 - random.nextDouble()) / rate;
        while (t < seconds && n < cap) {
            times[n++] = t;
            t += -Math.log(1 - random.nextDouble()) / rate;
        }
        return java.util.Arrays.copyOf(times, n);
    }

    Outcome run(LoadPlan plan) throws InterruptedException {
        double[] times = plan.arrivals().times(plan.rate(), plan.seconds(), plan.seed());
        SplittableRandom draws = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
            Thread t = new Thread(r, "cowfleet-load");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            for (double time : times) {
                long wait = start + (long) (time * 1e9) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = draw(draws);
                pool.execute(() -> {
                    String failure = send(index);
                    if (failure != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, mix.requests().get(index).describe() + ": " + failure);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(GRACE_MS, TimeUnit.MILLISECONDS)) {
                firstFailure.compareAndSet(null, "requests still unanswered " + GRACE_MS / 1000 + " s after the load ended");
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(times.length, failed.get(), firstFailure.get(), (System.nanoTime() - start) / 1e9);
    }

    int draw(SplittableRandom random) {
        long pick = random.nextLong(mix.totalWeight());
        List<Request> requests = mix.requests();
        for (int i = 0; i < requests.size(); i++) {
            pick -= requests.get(i).weight();
            if (pick < 0) {
                return i;
            }
        }
        return requests.size() - 1;
    }

    /** The request at {@code index} of the mix, as its file line shows it. */
    String describe(int index) {
        return mix.requests().get(index).describe();
    }

    /** Sends one request; null when it was answered below 500, else why it failed. */
    String send(int index) {
        Request request = mix.requests().get(index);
        byte[] body = bodies.get(index);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.0\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (body.length > 0 || !request.method().equals("GET")) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = statusLine(in);
            in.transferTo(OutputStream.nullOutputStream());
            String[] parts = status.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return "no HTTP status line (got '" + status + "')";
            }
            int code = Integer.parseInt(parts[1]);
            return code >= 500 ? "answered " + code : null;
        } catch (IOException | NumberFormatException e) {
            return e.toString();
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
