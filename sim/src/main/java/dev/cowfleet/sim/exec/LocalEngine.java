package dev.cowfleet.sim.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The default engine: a fixed pool of threads in this JVM. */
public final class LocalEngine implements ExecutionEngine {
    private final int threads;
    private final ExecutorService pool;

    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cowfleet-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> runAll(List<T> tasks, TaskFunction<T, R> work,
                                                                          Progress progress) {
        AtomicLong done = new AtomicLong();
        long total = tasks.size();
        List<Future<R>> futures = new ArrayList<>(tasks.size());
        for (T task : tasks) {
            futures.add(pool.submit(() -> {
                R result = work.apply(task);
                progress.tasksDone(done.incrementAndGet(), total);
                return result;
            }));
        }
        List<R> results = new ArrayList<>(tasks.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while simulating", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        return results;
    }

    @Override
    public String describe() {
        return "local[" + threads + "]";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
