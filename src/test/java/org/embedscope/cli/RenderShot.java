package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** {@code render} run as a user types it, 200×200, and what its PNG shows. */
final class RenderShot {
    private RenderShot() {}

    /** Renders {@code bundle} with the options {@code extra} into a new file in {@code dir}; fails unless it exits 0. */
    static BufferedImage render(Path bundle, Path dir, String... extra) throws Exception {
        Path png = dir.resolve("shot-" + System.nanoTime() + ".png");
        String[] args = new String[extra.length + 6];
        System.arraycopy(new String[] {"render", bundle.toString(), "--size", "200x200", "--out", png.toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return ImageIO.read(png.toFile());
    }

    /** Pixels within 3 of colour {@code rgb} in each channel. */
    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y) & 0xffffff, ok = 1;
                for (int s = 0; s <= 16; s += 8) if (Math.abs(((c >> s) & 255) - ((rgb >> s) & 255)) > 3) ok = 0;
                n += ok;
            }
        }
        return n;
    }
}
