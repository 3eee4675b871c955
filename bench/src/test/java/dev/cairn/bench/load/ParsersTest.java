package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void parsesSizes() {
        assertEquals(4096, Units.parseBytes("4KiB"));
        assertEquals(4096, Units.parseBytes("4k"));
        assertEquals(1 << 20, Units.parseBytes("1MiB"));
        assertEquals(64L << 20, Units.parseBytes(" 64mib "));
        assertEquals(1_000_000, Units.parseBytes("1MB"));
        assertEquals(3L << 30, Units.parseBytes("3GiB"));
        assertEquals(512, Units.parseBytes("512"));
        assertEquals(0, Units.parseBytes("0B"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseBytes("4XB"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseBytes("KiB"));
        assertEquals("64MiB", Units.formatBytes(64L << 20));
        assertEquals("1500B", Units.formatBytes(1500));
    }

    @Test
    void parsesDurations() {
        assertEquals(Duration.ofSeconds(30), Units.parseDuration("30s"));
        assertEquals(Duration.ofSeconds(7), Units.parseDuration("7"));
        assertEquals(Duration.ofMillis(250), Units.parseDuration("250ms"));
        assertEquals(Duration.ofMinutes(2), Units.parseDuration("2m"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration("2 days"));
    }

    @Test
    void sizeDistributionPicksByWeight() {
        Weighted<Long> sizes = Weighted.parse("4KiB:50,1MiB:40,64MiB:10", ':', Units::parseBytes);
        assertEquals(List.of(4096L, 1L << 20, 64L << 20), sizes.values());
        Map<Long, Integer> seen = new java.util.HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            seen.merge(sizes.pick(random), 1, Integer::sum);
        }
        assertEquals(50_000, seen.get(4096L), 1_000);
        assertEquals(40_000, seen.get(1L << 20), 1_000);
        assertEquals(10_000, seen.get(64L << 20), 1_000);
        assertEquals(List.of(4096L), Weighted.parse("4KiB", ':', Units::parseBytes).values());
    }

    @Test
    void opMixDropsZeroWeightsAndRejectsUnknownOps() {
        Weighted<Op> mix = Weighted.parse("put=70,get=20,head=5,list=3,delete=2,mpu=0", '=', Op::parse);
        assertEquals(List.of(Op.PUT, Op.GET, Op.HEAD, Op.LIST, Op.DELETE), mix.values());
        assertEquals(70, mix.weight(Op.PUT));
        Map<Op, Integer> seen = new EnumMap<>(Op.class);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            seen.merge(mix.pick(random), 1, Integer::sum);
        }
        assertEquals(70_000, seen.get(Op.PUT), 1_000);
        assertEquals(2_000, seen.get(Op.DELETE), 300);
        assertFalse(seen.containsKey(Op.MPU));
        assertThrows(IllegalArgumentException.class, () -> Weighted.parse("put=1,copy=2", '=', Op::parse));
        assertThrows(IllegalArgumentException.class, () -> Weighted.parse("put=0", '=', Op::parse));
        assertThrows(IllegalArgumentException.class, () -> Weighted.parse("put=-1,get=1", '=', Op::parse));
    }

    @Test
    void parsesACommandLine() {
        LoadOptions o = LoadOptions.parse(new String[] {"--endpoint", "http://localhost:9100", "--ops=get=1,put=1",
                "--size", "4KiB:1,1MiB:1", "--concurrency", "8", "--count", "500", "--verify", "--prefill"},
                Map.of("CAIRN_ROOT_USER", "root", "CAIRN_ROOT_PASSWORD", "secret"));
        assertEquals("root", o.accessKey());
        assertEquals("secret", o.secretKey());
        assertEquals(8, o.concurrency());
        assertEquals(500, o.count());
        assertTrue(o.verify() && o.prefill());
        assertEquals("get:1,put:1", o.ops().format(Op::label));
        LoadOptions aws = LoadOptions.parse(new String[0], Map.of("AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b", "CAIRN_ROOT_USER", "root", "CAIRN_ROOT_PASSWORD", "secret"));
        assertEquals("a", aws.accessKey());
        assertEquals(Duration.ofSeconds(30), aws.duration());
        assertEquals(1000, aws.objects());
        assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(new String[0], Map.of()));
        assertThrows(LoadOptions.UsageException.class,
                () -> LoadOptions.parse(new String[] {"--concurrency", "0"}, Map.of("CAIRN_ROOT_USER", "r",
                        "CAIRN_ROOT_PASSWORD", "s")));
        assertThrows(LoadOptions.UsageException.class,
                () -> LoadOptions.parse(new String[] {"--bogus"}, Map.of()));
        // --raw needs no credentials
        assertTrue(LoadOptions.parse(new String[] {"--raw", "--endpoint", "http://127.0.0.1:8080/f"}, Map.of()).raw());
    }
}
