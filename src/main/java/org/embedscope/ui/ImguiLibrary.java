package org.embedscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.embedscope.bundle.UserCache;

/**
 * imgui-java's native library, unpacked once into the user's cache and loaded from there. Left to
 * itself, imgui-java copies the library out of its jar into one shared file
 * ({@code $TMPDIR/imgui-java-natives/VERSION/}) every time a process starts, over the copy that other
 * processes have mapped: two embedscope processes starting together (the P key's render command while
 * the window is open, a script of renders) died of SIGBUS in the dynamic loader. Here the file is
 * written to a temporary name and renamed into place, only when it is missing or of another size, so
 * a process never sees it change under it; {@code imgui.library.path} then points imgui there.
 */
final class ImguiLibrary {
    private static final String RESOURCES = "io/imgui/java/native-bin/";
    private static boolean installed;

    private ImguiLibrary() {}

    /**
     * Before imgui's classes load: makes sure the library is in the cache and tells imgui to load it
     * from there. Where the cache cannot be written, or the library is not in a jar on the class path,
     * imgui finds it its own way.
     */
    static synchronized void install() {
        if (installed || System.getProperty("imgui.library.path") != null) return;
        installed = true;
        String file = System.mapLibraryName(System.getProperty("imgui.library.name", "imgui-java64"));
        ClassLoader loader = ImguiLibrary.class.getClassLoader();
        URL url = loader.getResource(RESOURCES + file);
        if (url == null) return;
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            Path dir = UserCache.folder("natives").resolve("imgui-java-" + version(loader));
            Path lib = dir.resolve(file);
            if (size < 0 || !Files.isRegularFile(lib) || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + file + ".", ".tmp");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    // A new file under the name: a process that has the old one mapped keeps it.
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            System.setProperty("imgui.library.path", dir.toString());
        } catch (IOException | RuntimeException e) {
            // imgui unpacks it itself, as before
        }
    }

    /** imgui-java's version, as its jar says, so that an update unpacks its own library beside the old one. */
    private static String version(ClassLoader loader) throws IOException {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream("imgui/imgui-java.properties")) {
            if (in != null) p.load(in);
        }
        return p.getProperty("imgui.java.version", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
