package org.embedscope.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which the OpenGL driver reported an error or a high-severity message, or a
 * context was made without debug output (so errors could not be counted). Registered for every test
 * class (META-INF/services, {@code junit-platform.properties}): tests without GL pass it trivially,
 * and a new GL test cannot forget it. Checked after the test's own {@code @AfterEach}, so what its
 * clean-up does counts too.
 */
public final class GlErrorCheck implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static long contextsWithout;

    @Override
    public void beforeEach(ExtensionContext context) {
        // What a class's @BeforeAll reported is the class's failure (afterAll), not its first test's.
        contextsWithout = GlDebug.contextsWithoutDebugOutput();
    }

    @Override
    public void afterEach(ExtensionContext context) { check(); }

    @Override
    public void afterAll(ExtensionContext context) { check(); }

    private static void check() {
        List<String> problems = GlDebug.drain();
        long without = GlDebug.contextsWithoutDebugOutput();
        if (without > contextsWithout) {
            contextsWithout = without;
            fail("an OpenGL context was made without debug output (KHR_debug), so its errors went uncounted");
        }
        if (!problems.isEmpty()) {
            fail("the OpenGL driver reported:\n  " + String.join("\n  ", problems));
        }
    }
}
