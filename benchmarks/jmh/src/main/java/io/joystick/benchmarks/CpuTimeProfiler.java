package io.joystick.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds two secondary results to each throughput benchmark, so that scores taken on a shared machine can be
 * read honestly ({@code -prof io.joystick.benchmarks.CpuTimeProfiler}):
 * <ul>
 * <li>{@code ·cpu.us/op}: CPU time of the benchmark JVM (all its threads: the benchmark thread plus JIT and
 * GC) per operation. Unlike ops/s it does not drop when other processes take the cores away.</li>
 * <li>{@code ·cpu.share}: CPU time / wall time of the iteration. About 1.0 means the benchmark thread had a
 * core to itself; well below 1.0 means it was waiting for a CPU and its ops/s understate the code.</li>
 * </ul>
 * Assumes throughput mode with ops/s as the unit, as in {@link AuthBenchmark}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation, and CPU share of each iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        double opsPerSecond = result.getPrimaryResult().getScore();
        double operations = opsPerSecond * wall / 1e9;
        double cpuMicrosPerOp = operations > 0 ? cpu / 1e3 / operations : Double.NaN;
        return List.of(
                new ScalarResult("cpu.us/op", cpuMicrosPerOp, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) cpu / wall, "cpu/wall", AggregationPolicy.AVG));
    }
}
