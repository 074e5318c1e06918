package org.embedscope.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a bundle's atlas pages exist and fit together, reading only each page's PNG header
 * (no pixels are decoded): every page of a level the same size, the level's grid inside its page.
 * {@link BundleReader} does this once at load time and the {@link Bundle} keeps the sizes it found;
 * the renderer then checks those sizes against the real {@code GL_MAX_TEXTURE_SIZE} and
 * {@code GL_MAX_ARRAY_TEXTURE_LAYERS} before creating any texture, without reading the pages again.
 */
public final class AtlasCheck {
    /** No GL limit known (loading without a window). */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    private AtlasCheck() {}

    /**
     * The shared size of one level's pages.
     *
     * @param width    pixels, equal for every page of the level
     * @param height   pixels, equal for every page of the level
     * @param channels per page, as its header declares (a palette page counts 4; see {@link PngHeader#channels()})
     */
    public record LevelPages(int width, int height, int[] channels) {
        /** Pages in this level. */
        public int count() { return channels.length; }

        /** The largest channel count among the pages: what a texture array holding them all needs. */
        public int maxChannels() {
            int m = 0;
            for (int c : channels) m = Math.max(m, c);
            return m;
        }
    }

    /**
     * Checks a loaded bundle's pages against the GL's limits.
     *
     * @param maxTextureSize the GL's {@code GL_MAX_TEXTURE_SIZE}, or {@link #NO_LIMIT}
     * @param maxArrayLayers the GL's {@code GL_MAX_ARRAY_TEXTURE_LAYERS} when the renderer puts a level's
     *                       pages in one texture array, else {@link #NO_LIMIT}
     * @return per level (manifest order) the pages' common size, as found when the bundle was loaded
     * @throws BundleException naming the page file (or bundle.json field) and what was expected
     */
    public static List<LevelPages> checkPages(Bundle bundle, int maxTextureSize, int maxArrayLayers) throws BundleException {
        List<Manifest.Level> levels = bundle.manifest().atlas().levels();
        List<LevelPages> sizes = bundle.pageSizes();
        for (int li = 0; li < levels.size(); li++) {
            Manifest.Level level = levels.get(li);
            LevelPages size = sizes.get(li);
            if (size.count() > maxArrayLayers) {
                throw new BundleException(bundle.dir().resolve(Manifest.FILE_NAME), "field atlas.levels[" + li + "].pages", "has "
                        + size.count() + " pages; this GL holds at most " + maxArrayLayers + " layers per texture array"
                        + " (GL_MAX_ARRAY_TEXTURE_LAYERS); expected larger pages or fewer of them");
            }
            if (size.width() > maxTextureSize || size.height() > maxTextureSize) {
                // the path BundlePaths.resolve gave when the page was read
                Path first = bundle.dir().resolve(level.pages().get(0)).normalize();
                throw new BundleException(first, null, "page is " + size.width() + "×" + size.height()
                        + " pixels; this GL's largest texture (GL_MAX_TEXTURE_SIZE) is " + maxTextureSize
                        + "×" + maxTextureSize + "; expected pages no larger (rebuild the atlas with fewer"
                        + " columns and rows per page)");
            }
        }
        return sizes;
    }

    /**
     * Reads the header of every page of every level named by {@code manifest} in {@code dir} and
     * checks that the pages exist, are PNG images, hold their level's grid and are of one size per level.
     *
     * @return per level (manifest order) the pages' common size
     * @throws BundleException naming the page file (or bundle.json field) and what was expected
     */
    static List<LevelPages> readPages(Path dir, Manifest manifest) throws BundleException {
        List<Manifest.Level> levels = manifest.atlas().levels();
        List<LevelPages> out = new ArrayList<>(levels.size());
        for (int li = 0; li < levels.size(); li++) {
            Manifest.Level level = levels.get(li);
            String lf = "atlas.levels[" + li + "]";
            long gridW = (long) level.columns() * level.cell();
            long gridH = (long) level.rows() * level.cell();
            int[] channels = new int[level.pages().size()];
            PngHeader first = null;
            String firstName = null;
            for (int p = 0; p < channels.length; p++) {
                String field = lf + ".pages[" + p + "]";
                Path page = BundlePaths.resolve(dir, level.pages().get(p), field);
                BundlePaths.checkRegularFile(page, "a PNG image");
                if (!Files.exists(page)) {
                    throw new BundleException(page, null, "missing: " + field + " in bundle.json names this page"
                            + " but there is no such file; expected a PNG image");
                }
                PngHeader h = PngHeader.read(page);
                channels[p] = h.channels();
                if (first == null) {
                    if (h.width() < gridW || h.height() < gridH) {
                        throw new BundleException(page, null, "page is " + h.width() + "×" + h.height()
                                + " pixels, smaller than the grid that " + lf + " in bundle.json declares: "
                                + level.columns() + " columns × " + level.rows() + " rows of " + level.cell()
                                + "-pixel cells = " + gridW + "×" + gridH + " pixels");
                    }
                    first = h;
                    firstName = level.pages().get(p);
                } else if (h.width() != first.width() || h.height() != first.height()) {
                    throw new BundleException(page, null, "page is " + h.width() + "×" + h.height() + " pixels but "
                            + firstName + " (first page of " + lf + ") is " + first.width() + "×" + first.height()
                            + "; expected every page of a level to be the same size");
                }
            }
            out.add(new LevelPages(first.width(), first.height(), channels));
        }
        return List.copyOf(out);
    }
}
