package dev.cowfleet.sim.exec.spark;

import dev.cowfleet.sim.exec.Progress;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns Spark's task-end events for one run into cowfleet's progress: a finished partition adds the
 * number of tasks in its chunk. Only the stages of jobs tagged with this run's id count, and a
 * partition counts once even if a retried or speculative attempt finishes it again. Events arrive on
 * Spark's listener thread, possibly after the job returned, so the count only ever grows.
 */
final class ChunkProgress extends SparkListener {
    private final String runId;
    private final int[] chunkSizes;
    private final long total;
    private final Progress progress;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final boolean[] chunkDone;
    private long done;

    ChunkProgress(String runId, int[] chunkSizes, Progress progress) {
        this.runId = runId;
        this.chunkSizes = chunkSizes.clone();
        this.chunkDone = new boolean[chunkSizes.length];
        long sum = 0;
        for (int size : chunkSizes) {
            sum += size;
        }
        this.total = sum;
        this.progress = progress;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        Properties properties = jobStart.properties();
        if (properties != null && runId.equals(properties.getProperty(SparkEngine.RUN_PROPERTY))) {
            List<Object> stageIds = CollectionConverters.asJava(jobStart.stageIds());
            for (Object stageId : stageIds) {
                stages.add((Integer) stageId);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (stages.contains(taskEnd.stageId()) && taskEnd.taskInfo().successful()) {
            chunkFinished(taskEnd.taskInfo().partitionId());
        }
    }

    synchronized void chunkFinished(int chunk) {
        if (!chunkDone[chunk]) {
            chunkDone[chunk] = true;
            done += chunkSizes[chunk];
            progress.tasksDone(done, total);
        }
    }

    /** The job returned every result: whatever events are still queued, all tasks are done. */
    synchronized void allFinished() {
        if (done < total) {
            Arrays.fill(chunkDone, true);
            done = total;
            progress.tasksDone(done, total);
        }
    }
}
