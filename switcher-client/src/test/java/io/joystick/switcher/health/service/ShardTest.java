package io.joystick.switcher.health.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void parsesIndexOverCount() {
        assertEquals(new Shard(1, 3), Shard.parse("1/3"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
    }

    @Test
    void refusesShardsThatCannotBe() {
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("-1/2"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse(null));
    }

    @Test
    void aDeviceBelongsToExactlyOneShardAndAlwaysTheSame() {
        for (int i = 0; i < 200; i++) {
            String id = "cam" + i;
            int owners = 0;
            for (int s = 0; s < 4; s++) {
                if (new Shard(s, 4).owns(id)) {
                    owners++;
                    assertTrue(new Shard(s, 4).owns(id));
                }
            }
            assertEquals(1, owners, id);
        }
    }

    @Test
    void theSplitIsCrc32OfTheIdModuloTheCount() {
        // pinned so that a change of hash (which would move devices between running replicas) is noticed
        CRC32 crc = new CRC32();
        crc.update("cam1".getBytes(StandardCharsets.UTF_8));
        assertEquals((int) (crc.getValue() % 5), Shard.of("cam1", 5));
        assertEquals(Shard.of("cam1", 5), Shard.of("cam1", 5));
        int[] perShard = new int[4];
        for (int i = 0; i < 4000; i++) {
            perShard[Shard.of("device-" + i, 4)]++;
        }
        for (int count : perShard) {
            assertTrue(count > 800 && count < 1200, "uneven split: " + java.util.Arrays.toString(perShard));
        }
    }
}
