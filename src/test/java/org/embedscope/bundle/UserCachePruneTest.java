package org.embedscope.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache folder kept within its size: least recently used entries go first, the one just written never, stale temporaries too. */
class UserCachePruneTest {
    @TempDir Path dir;

    private Path file(String name, int bytes, long ageMillis) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, new byte[bytes]);
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return p;
    }

    private Path folder(String name, int files, int bytesEach, long ageMillis) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files; i++) Files.write(p.resolve(i + ".png"), new byte[bytesEach]);
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return p;
    }

    @Test
    void leastRecentlyUsedGoFirstUntilTheRestFit() throws Exception {
        Path newest = file("a.points", 400, 1_000);
        Path levels = folder("k1", 3, 100, 2_000);   // 300 bytes, in a folder
        Path older = file("b.points", 400, 3_000);
        Path oldest = file("c.points", 400, 4_000);
        UserCache.prune(dir, 1_000, null);
        assertTrue(Files.exists(newest));
        assertTrue(Files.exists(levels.resolve("2.png")), "400 + 300 bytes fit");
        assertFalse(Files.exists(older), "the next would not");
        assertFalse(Files.exists(oldest));
    }

    @Test
    void aTouchedEntryIsRecent() throws Exception {
        Path used = file("used.points", 600, 10_000);
        Path unused = file("unused.points", 600, 5_000);
        UserCache.touch(used);
        UserCache.prune(dir, 1_000, null);
        assertTrue(Files.exists(used), "served a moment ago");
        assertFalse(Files.exists(unused));
    }

    @Test
    void theEntryJustWrittenStaysEvenAlone() throws Exception {
        Path big = file("big.points", 5_000, 20_000);
        Path other = file("other.points", 10, 1_000);
        UserCache.prune(dir, 1_000, big);
        assertTrue(Files.exists(big), "kept: it is the one being used");
        assertTrue(Files.exists(other), "newer, and within the size by itself");
    }

    @Test
    void staleTemporariesGoFreshOnesStay() throws Exception {
        Path stale = folder(".tmp-k-1", 1, 10, UserCache.STALE_TEMP_MILLIS + 60_000);
        Path fresh = folder(".tmp-k-2", 1, 10, 1_000);
        UserCache.prune(dir, 1L << 30, null);
        assertFalse(Files.exists(stale), "left by a process that died");
        assertTrue(Files.exists(fresh), "another process may be writing it");
    }
}
