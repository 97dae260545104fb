package dev.cowfleet.models.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Page classes that a random write cannot tell apart: the same hot objects per page, and refcount
 * writes allowed in all or none (immortal classes differ). A draw that lands in such a pool hits each
 * of its clean pages with the same probability, so the pool's draws and the pages they hit can be
 * drawn once for the whole pool and the hit pages shared out over its classes afterwards; classes
 * of one residence split only by free slots, or segments with the same hot count, then cost one
 * draw instead of one each.
 */
final class HotPools {
    /** Each pool's classes, in class order. */
    final int[][] members;
    /** Each class's pool, or -1 for a class without hot objects, which no draw reaches. */
    final int[] poolOf;
    /** Hot objects per page of each pool's classes. */
    final double[] hotPerPage;
    /** Whether a refcount draw writes each pool's pages. */
    final boolean[] refcountWrites;
    /** −ln P(one draw misses a given page of each pool): a page stays clean through d draws with probability exp(−d·missLog). */
    final double[] missLog;

    private HotPools(int[][] members, int[] poolOf, double[] hotPerPage, boolean[] refcountWrites, double[] missLog) {
        this.members = members;
        this.poolOf = poolOf;
        this.hotPerPage = hotPerPage;
        this.refcountWrites = refcountWrites;
        this.missLog = missLog;
    }

    /**
     * The pools of the classes that hold hot objects ({@code hot} per page, refcount writes as in
     * {@code refcount}), in order of each pool's first class; {@code hotObjects} hot objects in all,
     * over which each draw falls uniformly.
     */
    static HotPools of(double[] hot, boolean[] refcount, double hotObjects) {
        List<List<Integer>> pools = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        for (int c = 0; c < hot.length; c++) {
            if (hot[c] == 0) {
                continue; // no draw ever lands here
            }
            int pool = 0;
            while (pool < firsts.size() && !(hot[firsts.get(pool)] == hot[c] && refcount[firsts.get(pool)] == refcount[c])) {
                pool++;
            }
            if (pool == firsts.size()) {
                firsts.add(c);
                pools.add(new ArrayList<>());
            }
            pools.get(pool).add(c);
        }
        int[][] members = new int[pools.size()][];
        int[] poolOf = new int[hot.length];
        Arrays.fill(poolOf, -1);
        double[] hotPerPage = new double[pools.size()];
        boolean[] refcountWrites = new boolean[pools.size()];
        double[] missLog = new double[pools.size()];
        for (int p = 0; p < members.length; p++) {
            members[p] = pools.get(p).stream().mapToInt(Integer::intValue).toArray();
            for (int c : members[p]) {
                poolOf[c] = p;
            }
            hotPerPage[p] = hot[firsts.get(p)];
            refcountWrites[p] = refcount[firsts.get(p)];
            missLog[p] = -Math.log1p(-Math.min(1, hotPerPage[p] / hotObjects));
        }
        return new HotPools(members, poolOf, hotPerPage, refcountWrites, missLog);
    }

    int size() {
        return members.length;
    }
}
