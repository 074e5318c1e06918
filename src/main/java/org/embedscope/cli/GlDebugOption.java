package org.embedscope.cli;

import org.embedscope.render.GlDebug;
import picocli.CommandLine.Option;

/** {@code --gl-debug}, shared by the commands that open an OpenGL context. */
public final class GlDebugOption {
    @Option(names = "--gl-debug",
            description = "Print every message the OpenGL driver reports (errors, warnings) to stderr as it happens.")
    void setGlDebug(boolean on) { GlDebug.setLogging(on); }
}
