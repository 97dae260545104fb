package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cowfleet.sim.app.RequestMix;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against a local HTTP server: schedule, mix weights, bodies, failures. */
class OpenLoopLoadTest {
    @TempDir
    Path dir;

    @Test
    void poissonArrivalsAreSeededBoundedAndAtTheRate() {
        double[] a = LoadPlan.Arrivals.POISSON.times(50, 100, 7);
        assertEquals(5000, a.length, 5 * Math.sqrt(5000));
        assertEquals(a.length, LoadPlan.Arrivals.POISSON.times(50, 100, 7).length, "seeded");
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1] && a[i] < 100);
        }
    }

    @Test
    void fixedArrivalsAreEvenlySpacedAtTheRate() {
        double[] a = LoadPlan.Arrivals.FIXED.times(40, 7, 7);
        assertEquals(280, a.length, "rate x seconds requests");
        for (int k = 0; k < a.length; k++) {
            assertEquals(k / 40.0, a[k], 1e-12);
        }
        assertEquals(3, LoadPlan.Arrivals.FIXED.times(2, 1.2, 7).length, "0, 0.5 and 1.0 s fall within 1.2 s");
    }

    @Test
    void sendsTheMixByWeightWithBodiesAndCountsServerErrors() throws Exception {
        Files.writeString(dir.resolve("order.json"), "{\"qty\": 2}");
        Files.writeString(dir.resolve("mix.txt"), "3 GET /ok?x=1\nPOST /orders @order.json\n1 GET /broken\n");
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger bodyBytes = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            seen.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI(), k -> new AtomicInteger()).incrementAndGet();
            bodyBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            OpenLoopLoad load = new OpenLoopLoad(RequestMix.read(dir.resolve("mix.txt")), server.getAddress().getPort());
            OpenLoopLoad.Outcome outcome = load.run(new LoadPlan(LoadPlan.Arrivals.POISSON, 200, 1.5, 3));
            long total = seen.values().stream().mapToInt(AtomicInteger::get).sum();
            assertEquals(outcome.sent(), total, "every scheduled request arrived");
            assertEquals(seen.get("GET /broken").get(), outcome.failed(), "5xx answers are failures");
            assertTrue(seen.get("GET /ok?x=1").get() > 2 * seen.get("POST /orders").get(), seen::toString);
            assertEquals(10 * seen.get("POST /orders").get(), bodyBytes.get(), "the body file is sent");
            assertTrue(outcome.firstFailure().startsWith("GET /broken: answered 500"), outcome.firstFailure());
            assertFalse(outcome.mostFailed());
            assertTrue(outcome.seconds() > 1.3 && outcome.seconds() < 30, "the load lasts its schedule: " + outcome.seconds());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mostFailedWhenMoreThanHalfFail() {
        assertTrue(new OpenLoopLoad.Outcome(10, 6, "x", 1).mostFailed());
        assertFalse(new OpenLoopLoad.Outcome(10, 5, "x", 1).mostFailed());
    }
}
