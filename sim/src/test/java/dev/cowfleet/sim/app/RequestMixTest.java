package dev.cowfleet.sim.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestMixTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Files.writeString(dir.resolve("order.json"), "{\"customer\": 1}");
        return Files.writeString(dir.resolve("mix.txt"), text);
    }

    @Test
    void readsTheIssueExampleWithWeightsQueriesAndBodies() throws IOException {
        RequestMix mix = RequestMix.read(write("""
                # shop mix
                5 GET /products/?page=2

                GET /products/17/   # one product
                POST /api/orders/ @order.json
                """));
        List<Request> requests = mix.requests();
        assertEquals(3, requests.size());
        assertEquals(new Request(5, "GET", "/products/?page=2", Optional.empty(), 2), requests.get(0));
        assertEquals("/products/", requests.get(0).path());
        assertEquals("page=2", requests.get(0).query());
        assertEquals(1, requests.get(1).weight());
        assertEquals(4, requests.get(1).line());
        assertEquals("", requests.get(1).query());
        assertEquals(dir.resolve("order.json").toAbsolutePath(), requests.get(2).body().orElseThrow());
        assertEquals("POST /api/orders/ @order.json", requests.get(2).describe());
        assertEquals(7, mix.totalWeight());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 GET /a          | mix.txt:2: WEIGHT '0': expected a whole number from 1 to 1000000",
            "99999999999 GET /a | mix.txt:2: WEIGHT '99999999999': expected a whole number",
            "get /a            | mix.txt:2: METHOD 'get': expected an HTTP method in capitals",
            "GET products      | mix.txt:2: TARGET 'products': expected a path starting with '/'",
            "GET /a#frag       | mix.txt:2: TARGET '/a#frag'",
            "GET /é            | mix.txt:2: TARGET '/é'",
            "GET               | mix.txt:2: expected [WEIGHT] METHOD TARGET [@BODYFILE], got 'GET'",
            "5                 | mix.txt:2: expected [WEIGHT] METHOD TARGET [@BODYFILE], got '5'",
            "GET /a b c        | mix.txt:2: expected [WEIGHT] METHOD TARGET [@BODYFILE], got 'GET /a b c'",
            "POST /a order.json | mix.txt:2: 'order.json': expected @BODYFILE",
            "POST /a @missing.json | mix.txt:2: BODYFILE 'missing.json': no such regular file",
    })
    void badLineIsOneLineNamingFileLineAndForm(String line, String expected) throws IOException {
        Path file = write("GET /ok\n" + line.strip() + "\n");
        RequestMixException e = assertThrows(RequestMixException.class, () -> RequestMix.read(file));
        String message = e.getMessage().replace(file.toString(), "mix.txt");
        assertTrue(message.startsWith(expected), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void emptyMixMissingFileAndBinaryAreRefused() throws IOException {
        Path empty = write("# nothing\n\n");
        assertTrue(assertThrows(RequestMixException.class, () -> RequestMix.read(empty)).getMessage()
                .endsWith(": no requests; expected at least one line [WEIGHT] METHOD TARGET [@BODYFILE]"));
        Path missing = dir.resolve("absent.txt");
        assertEquals(missing + ": no such request file",
                assertThrows(RequestMixException.class, () -> RequestMix.read(missing)).getMessage());
        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'G', 'E', 'T', ' ', '/', (byte) 0xff, '\n'});
        assertTrue(assertThrows(RequestMixException.class, () -> RequestMix.read(binary)).getMessage()
                .contains("not UTF-8 text"));
        assertTrue(assertThrows(RequestMixException.class, () -> RequestMix.read(dir)).getMessage()
                .contains("not a regular file"));
    }

    @Test
    void shippedFixtureMixesParse() {
        for (String app : List.of("djangoshop", "flaskshop")) {
            RequestMix mix = RequestMix.read(Path.of("src/test/apps", app, "mix.txt"));
            assertTrue(mix.requests().size() >= 10, app);
            assertTrue(mix.requests().stream().anyMatch(r -> r.method().equals("POST") && r.body().isPresent()), app);
        }
    }
}
