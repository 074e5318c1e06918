package org.embedscope.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a bundle's atlas pages exist and fit together, reading only each page's PNG header
 * (no pixels are decoded): every page of a level the same size, the level's grid inside its page,
 * and no page larger than the GL can hold. The renderer calls it with the real
 * {@code GL_MAX_TEXTURE_SIZE} before creating any texture; {@link BundleReader} calls it without a GL
 * limit so that a bundle with missing or mismatched pages is refused at load time.
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

    /** {@link #checkPages(Path, Manifest, int, int)} for a loaded bundle, without a layer limit. */
    public static List<LevelPages> checkPages(Bundle bundle, int maxTextureSize) throws BundleException {
        return checkPages(bundle.dir(), bundle.manifest(), maxTextureSize, NO_LIMIT);
    }

    /** {@link #checkPages(Path, Manifest, int, int)} for a loaded bundle. */
    public static List<LevelPages> checkPages(Bundle bundle, int maxTextureSize, int maxArrayLayers) throws BundleException {
        return checkPages(bundle.dir(), bundle.manifest(), maxTextureSize, maxArrayLayers);
    }

    /**
     * Checks every page of every level named by {@code manifest} in {@code dir}.
     *
     * @param maxTextureSize the GL's {@code GL_MAX_TEXTURE_SIZE}, or {@link #NO_LIMIT}
     * @param maxArrayLayers the GL's {@code GL_MAX_ARRAY_TEXTURE_LAYERS} when the renderer puts a level's
     *                       pages in one texture array, else {@link #NO_LIMIT}
     * @return per level (manifest order) the pages' common size
     * @throws BundleException naming the page file (or bundle.json field) and what was expected
     */
    public static List<LevelPages> checkPages(Path dir, Manifest manifest, int maxTextureSize, int maxArrayLayers)
            throws BundleException {
        List<Manifest.Level> levels = manifest.atlas().levels();
        List<LevelPages> out = new ArrayList<>(levels.size());
        Path json = dir.resolve(Manifest.FILE_NAME);
        for (int li = 0; li < levels.size(); li++) {
            Manifest.Level level = levels.get(li);
            String lf = "atlas.levels[" + li + "]";
            if (level.pages().size() > maxArrayLayers) {
                throw new BundleException(json, "field " + lf + ".pages", "has " + level.pages().size()
                        + " pages; this GL holds at most " + maxArrayLayers + " layers per texture array"
                        + " (GL_MAX_ARRAY_TEXTURE_LAYERS); expected larger pages or fewer of them");
            }
            long gridW = (long) level.columns() * level.cell();
            long gridH = (long) level.rows() * level.cell();
            int[] channels = new int[level.pages().size()];
            PngHeader first = null;
            String firstName = null;
            for (int p = 0; p < channels.length; p++) {
                String field = lf + ".pages[" + p + "]";
                Path page = BundlePaths.resolve(dir, level.pages().get(p), field);
                if (!Files.isRegularFile(page)) {
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
                    if (h.width() > maxTextureSize || h.height() > maxTextureSize) {
                        throw new BundleException(page, null, "page is " + h.width() + "×" + h.height()
                                + " pixels; this GL's largest texture (GL_MAX_TEXTURE_SIZE) is " + maxTextureSize
                                + "×" + maxTextureSize + "; expected pages no larger (rebuild the atlas with fewer"
                                + " columns and rows per page)");
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
        return out;
    }
}
