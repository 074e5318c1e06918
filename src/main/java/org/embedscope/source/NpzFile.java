package org.embedscope.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.embedscope.bundle.BundleException;

/**
 * NumPy's {@code .npz} archive ({@code np.savez}, {@code np.savez_compressed}): a zip file with one
 * {@code NAME.npy} member per array, stored or deflated. An array is picked by name, or is the only one.
 */
public final class NpzFile {
    private NpzFile() {}

    /** The zip local-header signature, {@code PK\3\4}. */
    private static final byte[] MAGIC = {'P', 'K', 3, 4};

    /** True when the file starts like a zip archive (as every {@code .npz} does). */
    public static boolean isNpz(Path file) {
        return NpyFile.startsWith(file, MAGIC);
    }

    /** The names of the arrays in the archive, in archive order. */
    public static List<String> arrays(Path file) throws BundleException {
        try (ZipFile zip = open(file)) {
            return arrays(zip);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads array {@code name} (without {@code .npy}), or the only array when {@code name} is null.
     * A missing name, or several arrays and no name, is refused listing the arrays there are.
     */
    public static Matrix read(Path file, String name) throws BundleException {
        try (ZipFile zip = open(file)) {
            List<String> names = arrays(zip);
            if (names.isEmpty()) throw new BundleException(file, null, "holds no .npy arrays; expected an archive written by np.savez");
            if (name == null) {
                if (names.size() > 1) {
                    throw new BundleException(file, null, "holds " + names.size() + " arrays (" + String.join(", ", names)
                            + "); name one as " + file.getFileName() + ":" + names.get(0));
                }
                name = names.get(0);
            }
            ZipEntry entry = zip.getEntry(name + ".npy");
            if (entry == null || entry.isDirectory()) {
                throw new BundleException(file, null, "has no array '" + name + "'; it holds " + String.join(", ", names));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return NpyFile.read(Channels.newChannel(in), entry.getSize(), file, "array '" + name + "'");
            }
        } catch (ZipException e) {
            throw new BundleException(file, null, "corrupt .npz archive: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static ZipFile open(Path file) throws IOException, BundleException {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new BundleException(file, null, "no such file");
        } catch (ZipException e) {
            throw new BundleException(file, null, "not a valid .npz (zip) archive: " + e.getMessage());
        }
    }

    private static List<String> arrays(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry z = e.nextElement();
            if (!z.isDirectory() && z.getName().endsWith(".npy")) names.add(z.getName().substring(0, z.getName().length() - 4));
        }
        return names;
    }

    private static BundleException unreadable(Path file, IOException e) {
        return new BundleException(file, null, "cannot read: " + BundleException.describe(e));
    }
}
