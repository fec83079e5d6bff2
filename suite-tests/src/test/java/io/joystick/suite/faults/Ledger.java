package io.joystick.suite.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Every request of a load (start, end, outcome) and every injected fault (its window), and what they add up to
 * per fault. A request belongs to the fault during whose phase it started: from that fault's start to the next
 * fault's start (before the first fault: the baseline). A failure that overlaps a fault's window (the fault's start
 * until every service was ready again) is that fault's own; one outside every window counts.
 */
public final class Ledger {

    /** One request: times in epoch milliseconds; {@code status} 0 when no answer came (error says why). */
    public record Request(String kind, long start, long end, int status, String error, String detail) {

        public boolean failed() {
            return status / 100 != 2;
        }

        boolean hung(Duration timeout) {
            return (error != null && error.contains("HttpTimeoutException")) || end - start >= timeout.toMillis();
        }

        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }
    }

    /** A fault: injected at {@code start}, repaired at {@code end}, every service ready at {@code recovered}. */
    public record Fault(String name, long start, long end, long recovered) {

        Duration recovery() {
            return Duration.ofMillis(recovered - start);
        }
    }

    /** What one phase adds up to; {@code null} for a count the phase does not measure. */
    public record Counts(String fault, int requests, int failed, int failedOutsideWindow, int hung,
            Integer missingActionLogs, Integer undelivered, Integer duplicates, Integer unstoredReadings,
            Duration recovery, List<String> examples, Map<String, Long> inWindow) {

        public boolean clean() {
            return failedOutsideWindow == 0 && hung == 0 && zero(missingActionLogs) && zero(undelivered)
                    && zero(unstoredReadings);
        }

        private static boolean zero(Integer count) {
            return count == null || count == 0;
        }
    }

    private final Collection<Request> requests = new ConcurrentLinkedQueue<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Duration timeout;

    public Ledger(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public void record(Request request) {
        requests.add(request);
    }

    public void fault(Fault fault) {
        faults.add(fault);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /**
     * Per phase (the baseline, then each fault): {@code missingLogs} are the runs answered 2xx without an
     * action-log row, {@code undelivered} the epoch milliseconds of the notifications stored but never delivered
     * (likewise {@code duplicates}), {@code unstored} those of the readings published but not stored (null: not
     * measured).
     */
    public List<Counts> counts(Set<Request> missingLogs, List<Long> undelivered, List<Long> duplicates,
            List<Long> unstored) {
        List<Counts> counts = new ArrayList<>();
        List<Fault> all = faults();
        for (int i = -1; i < all.size(); i++) {
            Fault fault = i < 0 ? null : all.get(i);
            long from = fault == null ? Long.MIN_VALUE : fault.start();
            long to = i + 1 < all.size() ? all.get(i + 1).start() : Long.MAX_VALUE;
            List<Request> phase = requests.stream().filter(r -> r.start() >= from && r.start() < to).toList();
            List<String> examples = new ArrayList<>();
            int outside = 0;
            for (Request r : phase) {
                if (r.failed() && all.stream().noneMatch(f -> r.overlaps(f.start(), f.recovered()))) {
                    outside++;
                    if (examples.size() < 5) {
                        examples.add(r.kind() + " " + (r.status() == 0 ? r.error() : r.status() + " " + r.error())
                                + " at +" + (r.start() - from) + " ms");
                    }
                }
            }
            counts.add(new Counts(fault == null ? "none (baseline)" : fault.name(), phase.size(),
                    (int) phase.stream().filter(Request::failed).count(), outside,
                    (int) phase.stream().filter(r -> r.hung(timeout)).count(),
                    (int) missingLogs.stream().filter(r -> r.start() >= from && r.start() < to).count(),
                    within(undelivered, from, to), within(duplicates, from, to), within(unstored, from, to),
                    fault == null ? null : fault.recovery(), examples,
                    phase.stream().filter(Request::failed)
                            .filter(r -> all.stream().anyMatch(f -> r.overlaps(f.start(), f.recovered())))
                            .collect(Collectors.groupingBy(Ledger::outcome, TreeMap::new, Collectors.counting()))));
        }
        return counts;
    }

    private static String outcome(Request r) {
        String error = r.error() == null ? "" : r.error().replaceAll("\\s+", " ");
        return r.kind() + " " + (r.status() == 0 ? error.replaceFirst(":.*", "")
                : r.status() + " " + error.substring(0, Math.min(80, error.length())));
    }

    private static Integer within(List<Long> times, long from, long to) {
        return times == null ? null : (int) times.stream().filter(t -> t >= from && t < to).count();
    }

    /** The counts as a Markdown table, then the first failures outside a window of each phase. */
    public static String markdown(List<Counts> counts) {
        StringBuilder table =
                new StringBuilder("| fault | requests | failed (in window) | failed outside window | hung |"
                        + " action-log rows missing | notifications not delivered | delivered twice | readings not stored |"
                        + " recovery |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Counts c : counts) {
            table.append("| ").append(c.fault()).append(" | ").append(c.requests()).append(" | ").append(c.failed())
                    .append(" | ").append(c.failedOutsideWindow()).append(" | ").append(c.hung()).append(" | ")
                    .append(text(c.missingActionLogs())).append(" | ").append(text(c.undelivered())).append(" | ")
                    .append(text(c.duplicates())).append(" | ").append(text(c.unstoredReadings())).append(" | ")
                    .append(c.recovery() == null ? "–" : String.format("%.1f s", c.recovery().toMillis() / 1000.0))
                    .append(" |\n");
        }
        for (Counts c : counts) {
            if (!c.inWindow().isEmpty()) {
                table.append("\n").append(c.fault()).append(", failed inside a window: ").append(c.inWindow())
                        .append("\n");
            }
            if (!c.examples().isEmpty()) {
                table.append("\n").append(c.fault()).append(", failed outside its window: ").append(c.examples())
                        .append("\n");
            }
        }
        return table.toString();
    }

    private static String text(Integer count) {
        return count == null ? "–" : count.toString();
    }
}
