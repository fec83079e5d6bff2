package io.joystick.device.catalog.repository;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.device.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Creates racing for the same explicit id: one wins, every other hears 409, none a 500. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
class ConcurrentCreateTest {

    private static final int RACERS = 8;

    @Test
    void concurrentDeviceCreatesWithTheSameIdAnswerConflictNotError() throws Exception {
        String model = Fixtures.model();
        String id = Fixtures.unique("race");
        List<Integer> statuses = race(() -> given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", Fixtures.unique("device"), "model", model)).post("/api/devices")
                .statusCode());
        assertOneCreatedRestConflict(statuses);
    }

    @Test
    void concurrentModelCreatesWithTheSameIdAnswerConflictNotError() throws Exception {
        String id = Fixtures.unique("racemodel").replace("-", "");
        List<Integer> statuses = race(() -> given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", Fixtures.unique("model"))).post("/api/models").statusCode());
        assertOneCreatedRestConflict(statuses);
    }

    private static List<Integer> race(Callable<Integer> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedRestConflict(List<Integer> statuses) {
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }
}
