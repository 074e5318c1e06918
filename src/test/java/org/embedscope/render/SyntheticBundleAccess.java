package org.embedscope.render;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the renderer tests' synthetic bundle (five items, corners and middle). */
public final class SyntheticBundleAccess {
    private SyntheticBundleAccess() {}

    public static Path write(Path dir) throws IOException {
        return SyntheticBundle.write(dir, SceneRendererTest.A, SceneRendererTest.B, false);
    }
}
