package io.joystick.switcher.health.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.joystick.device.client.Device;

class HealthCycleTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        caller.shutdownNow();
    }

    static Device device(String id, boolean auto, String secondary) {
        return new Device(id, id, "live", null, new Device.Information("10.0.0.1", secondary, "primary", auto));
    }

    HealthCycle cycle(List<Device> devices, Consumer<Device> checker, Shard shard) {
        return new HealthCycle(() -> devices, checker, shard, pool, Clock.systemUTC());
    }

    @Test
    void checksOnlyDevicesWithAutoSwitchAndASecondSlotAndReportsThoseWithoutOne() {
        ConcurrentLinkedQueue<String> checked = new ConcurrentLinkedQueue<>();
        List<Device> devices =
                List.of(device("a", true, "10.0.1.1"), device("b", true, null), device("c", false, "10.0.1.3"),
                        device("d", true, " "));
        HealthCycle.Report report = cycle(devices, d -> checked.add(d.id()), new Shard(0, 1)).run().orElseThrow();
        assertEquals(List.of("a"), List.copyOf(checked));
        assertEquals(List.of("a"), report.checked());
        assertEquals(List.of("b", "d"), report.withoutSecondary());
    }

    @Test
    void overlappingRunsAreImpossible() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        HealthCycle cycle = cycle(List.of(device("a", true, "10.0.1.1")), d -> {
            checks.incrementAndGet();
            inside.countDown();
            await(release);
        }, new Shard(0, 1));
        Future<Optional<HealthCycle.Report>> first = caller.submit(cycle::run);
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertTrue(cycle.running());
        assertEquals(Optional.empty(), cycle.run(), "a second run started while the first was going");
        release.countDown();
        assertEquals(List.of("a"), first.get(10, TimeUnit.SECONDS).orElseThrow().checked());
        assertEquals(1, checks.get());
        assertEquals(List.of("a"), cycle.run().orElseThrow().checked(), "the next run after the first ended");
    }

    @Test
    void devicesAreCheckedConcurrentlyWithinTheBound() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            devices.add(device("dev" + i, true, "10.0.1." + i));
        }
        HealthCycle cycle = cycle(devices, d -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            twoInside.countDown();
            await(twoInside); // each check waits until two run at once: the run cannot be one-at-a-time
            now.decrementAndGet();
        }, new Shard(0, 1));
        assertEquals(6, cycle.run().orElseThrow().checked().size());
        assertEquals(2, most.get());
    }

    @Test
    void oneFailingDeviceDoesNotStopTheOthers() {
        ConcurrentLinkedQueue<String> checked = new ConcurrentLinkedQueue<>();
        List<Device> devices = List.of(device("a", true, "x"), device("bad", true, "x"), device("c", true, "x"));
        HealthCycle.Report report = cycle(devices, d -> {
            if (d.id().equals("bad")) {
                throw new IllegalStateException("device-service said no");
            }
            checked.add(d.id());
        }, new Shard(0, 1)).run().orElseThrow();
        assertEquals(List.of("a", "c"), checked.stream().sorted().toList());
        assertEquals(List.of("bad"), report.failed());
    }

    @Test
    void anUnavailableDeviceListIsReportedNotThrown() {
        HealthCycle cycle = new HealthCycle(() -> {
            throw new IllegalStateException("connection refused");
        }, d -> {
        }, new Shard(0, 1), pool, Clock.systemUTC());
        HealthCycle.Report report = cycle.run().orElseThrow();
        assertTrue(report.error().contains("connection refused"));
        assertTrue(!cycle.running());
    }

    @Test
    void replicasSplitTheDevicesBetweenThem() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            devices.add(device("device-" + i, true, "10.0.1.1"));
        }
        List<String> all = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            List<String> mine = cycle(devices, d -> {
            }, new Shard(shard, 3)).run().orElseThrow().checked();
            assertTrue(!mine.isEmpty(), "shard " + shard + " got nothing");
            all.addAll(mine);
        }
        assertEquals(40, all.size());
        assertEquals(40, all.stream().distinct().count());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
