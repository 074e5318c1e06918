package org.embedscope.atlas;

import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.source.DecodedImage;
import org.embedscope.source.ImageSource;

/** An in-memory source for tests; a null image is a bad one. */
class ArraySource implements ImageSource {
    final DecodedImage[] images;

    ArraySource(DecodedImage... images) { this.images = images; }

    @Override public int count() { return images.length; }

    @Override
    public DecodedImage decode(int i) throws BundleException {
        if (images[i] == null) throw new BundleException(null, "item " + i, "corrupt");
        return images[i];
    }

    @Override public String itemName(int i) { return "item " + i; }

    @Override public String[] labels() { return null; }

    @Override public Map<String, String[]> metadata() { return Map.of(); }

    @Override public String description() { return "test images"; }
}
