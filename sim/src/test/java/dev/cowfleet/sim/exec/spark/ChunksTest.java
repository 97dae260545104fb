package dev.cowfleet.sim.exec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTest {
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void chunksAreContiguousBalancedAndKeepEveryIndex() {
        List<ArrayList<Indexed<Integer>>> chunks = Chunks.split(TEN, 3);
        assertEquals(List.of(3, 3, 4), chunks.stream().map(List::size).toList());
        List<Integer> indexes = chunks.stream().flatMap(List::stream).map(Indexed::index).toList();
        assertEquals(TEN, indexes);
        assertEquals(List.of(6, 7, 8, 9), chunks.get(2).stream().map(Indexed::value).toList());
    }

    @Test
    void oneChunkPerTask() {
        assertEquals(10, Chunks.split(TEN, 10).size());
    }

    @Test
    void moreChunksThanTasksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Chunks.split(TEN, 11));
        assertThrows(IllegalArgumentException.class, () -> Chunks.split(TEN, 0));
    }
}
