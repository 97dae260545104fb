package dev.cowfleet.sim.calibrate;

import java.util.List;

/**
 * The hot set and the touches per request that reproduce a measured saturation curve: inherited pages
 * copied after k requests, with the collector off and the heap frozen, so that only the requests' own
 * writes count.
 *
 * <p>The model's request binds {@code t} distinct objects drawn from {@code H} hot objects scattered over
 * the {@code n} object pages (Poisson, mean {@code H / n} per page). A hot object is still untouched after
 * k requests with probability {@code (1 - t/H)^k}, so the expected copied pages are
 * {@code n (1 - exp(-(H/n) (1 - (1 - t/H)^k)))}: the asymptote fixes H, the first request's share of it
 * fixes t. The two are found by a search over H and t/H that minimises the squared log error over the
 * measured points; nothing else is fitted.
 *
 * @param hotObjects objects requests draw their touches from (H)
 * @param touches    distinct hot objects a request writes the refcount of (t)
 * @param worstError the largest relative error of the fitted curve at a measured point
 */
record HotSetFit(long hotObjects, long touches, double worstError) {
    private static final int GRID = 400;

    /** @param curve (requests, pages copied) points; {@code objectPages} n; {@code maxHot} at most all objects */
    static HotSetFit fit(List<List<Long>> curve, long objectPages, long maxHot) {
        if (curve.isEmpty() || objectPages < 1 || maxHot < 1) {
            throw new CalibrationException("hot-set curve missing or heap without objects: cannot fit the hot set");
        }
        double n = objectPages;
        double top = 0;
        for (List<Long> point : curve) {
            top = Math.max(top, point.get(1));
        }
        if (top <= 0) {
            return new HotSetFit(1, 0, 0);
        }
        // H spans from the pages the requests copied (one hot object each) to every object.
        double lowH = Math.max(1, Math.min(top, maxHot));
        double highH = maxHot;
        double bestError = Double.MAX_VALUE;
        double bestH = lowH;
        double bestShare = 1;
        for (int i = 0; i <= GRID; i++) {
            double h = highH <= lowH ? lowH : lowH * Math.pow(highH / lowH, (double) i / GRID);
            for (int j = 0; j <= GRID; j++) {
                double share = Math.pow(1e-5, 1 - (double) j / GRID);
                double error = 0;
                for (List<Long> point : curve) {
                    double predicted = pages(n, h, share, point.get(0));
                    double measured = Math.max(1, point.get(1));
                    double e = Math.log(Math.max(1e-9, predicted) / measured);
                    error += e * e;
                }
                if (error < bestError) {
                    bestError = error;
                    bestH = h;
                    bestShare = share;
                }
            }
        }
        double worst = 0;
        for (List<Long> point : curve) {
            double measured = Math.max(1, point.get(1));
            worst = Math.max(worst, Math.abs(pages(n, bestH, bestShare, point.get(0)) / measured - 1));
        }
        long hot = Math.max(1, Math.round(bestH));
        return new HotSetFit(hot, Math.max(1, Math.min(hot, Math.round(bestShare * bestH))), worst);
    }

    /** Expected inherited pages copied after {@code k} requests. */
    static double pages(double n, double hot, double touchShare, long k) {
        double touched = -Math.expm1(k * Math.log1p(-Math.min(touchShare, 1 - 1e-12)));
        return -n * Math.expm1(-(hot / n) * touched);
    }
}
