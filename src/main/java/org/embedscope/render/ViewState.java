package org.embedscope.render;

import java.util.Arrays;
import java.util.List;
import org.embedscope.select.ItemSet;

/**
 * Everything that decides what the scene looks like, free of GL: camera, transition, sprite sizing,
 * the user's settings, and which items are selected, matched, hidden or dimmed. It is the only way
 * to change any of them: {@link #camera()} and {@link #transition()} are read-only outside this
 * package, and every setter here bumps {@link #version()}, so the renderer redraws the cached scene
 * exactly when something changed (render on demand) and a forgotten bump cannot leave it stale.
 *
 * <p>Per-item flags ({@link ItemStates}) are derived here from the selection, the search matches,
 * hidden labels and the dimming toggles, lazily, when {@link #itemStates()} is read.
 */
public final class ViewState {
    /** Default alpha threshold: texels with less coverage are discarded (shaded grey images: 0.1, bundle/Ink). */
    public static final float DEFAULT_THRESHOLD = 0.5f;
    /** Sprites drawn smaller than this many pixels are drawn as flat squares of their label's colour. */
    public static final float DEFAULT_FLAT_BELOW_PX = 2.5f;

    private final Camera camera = new Camera();
    private final Transition transition;
    private final int layouts;
    private SpriteSizing sizing;
    private final float[] worldSizes;
    private float userScale = 1f;
    private float threshold = DEFAULT_THRESHOLD;
    private float defaultThreshold = DEFAULT_THRESHOLD;
    private float flatBelowPx = DEFAULT_FLAT_BELOW_PX;
    private boolean tintByLabel;
    private boolean smoothAlpha;
    private final TransitionCamera follow = new TransitionCamera();
    private final CameraFlight flight = new CameraFlight();
    private float[][] positions;
    private long version, contentVersion;

    private final int count;
    private ColourBy labelColouring;
    private long labelsVersion;
    private ColourBy colourBy;
    private long colourVersion;
    private long coloursVersion;
    private int pinned = -1;
    private int[] noCategories;
    private final ItemStates states;
    private final ItemSet selection;
    private ItemSet matches;
    private boolean onlyMatches;
    private boolean dimUnselected;
    private boolean statesStale;
    /**
     * The selection and matches the item states were last worked out from, and whether a rule changed
     * since (what hides or dims an item: the colouring's shown categories, "only matches", "dim the rest"):
     * while none did, only the items whose membership changed are worked out again.
     */
    private ItemSet statesSelection, statesMatches;
    private boolean statesRulesChanged = true;
    private long selectionVersion;
    private int[] selectedItems = new int[0];
    private long selectedItemsVersion;

    /** A view without items (for input and camera logic). */
    public ViewState(int layouts, int labels, int initialLayout) {
        this(layouts, labels, new int[0], initialLayout);
    }

    /**
     * @param labels      number of distinct labels (at least one entry is kept)
     * @param labelOfItem per item, its label index; its length is the item count. The items are
     *                    coloured by label (names and colours from {@link #setLabels}) until
     *                    {@link #setColourBy}
     */
    public ViewState(int layouts, int labels, int[] labelOfItem, int initialLayout) {
        this.layouts = layouts;
        this.transition = new Transition(initialLayout);
        this.worldSizes = new float[layouts];
        Arrays.fill(worldSizes, 0.01f);
        this.count = labelOfItem.length;
        String[] names = new String[Math.max(1, labels)];
        int[] colours = new int[names.length];
        for (int l = 0; l < names.length; l++) {
            names[l] = Integer.toString(l);
            colours[l] = Palette.rgb(l);
        }
        this.labelColouring = ColourBy.categories(null, labelOfItem.clone(), Arrays.asList(names), colours);
        this.colourBy = labelColouring;
        this.states = new ItemStates(count);
        this.selection = new ItemSet(count);
    }

    // ---------------------------------------------------------------- camera

    /** The camera, to read; change it through this class. */
    public Camera camera() { return camera; }

    /** Sets the world bounds of the data (the fitted view shows them all). */
    public void setDataBounds(float minX, float minY, float maxX, float maxY) {
        camera.setBounds(minX, minY, maxX, maxY);
        updateFitAndMaxZoom();
        changed();
    }

    /**
     * Takes the layouts' normalised coordinates (one pair per item): the camera's bounds (every
     * layout, outliers included), its fitted box (the union of the layouts' core boxes), each
     * layout's sprite world size from its density; then shows the fitted view.
     */
    public void fitTo(float[][] normalized) {
        positions = normalized;
        float[][] all = new float[normalized.length][], core = new float[normalized.length][];
        float[] sizes = new float[normalized.length];
        for (int l = 0; l < normalized.length; l++) {
            all[l] = LayoutNormalizer.bounds(normalized[l]);
            core[l] = LayoutNormalizer.coreBounds(normalized[l]);
            sizes[l] = SpriteSizing.worldSizeFor(LocalDensity.typicalSpacing(normalized[l]));
        }
        float[] b = LayoutNormalizer.union(all), f = LayoutNormalizer.union(core);
        camera.setBounds(b[0], b[1], b[2], b[3]);
        camera.setFitBox(f[0], f[1], f[2], f[3]);
        setWorldSizes(sizes);
        camera.fit();
        changed();
    }

    /** Pixels at the left covered by the overlay's panel: the fitted view leaves room for it. */
    public void setInsetLeft(float px) {
        if (px == camera.insetLeft()) return;
        camera.setInsetLeft(px);
        updateFitAndMaxZoom();
        changed();
    }

    /** Framebuffer size changed: the camera keeps its centre; the zoom limit follows the new size. */
    public void setViewport(int width, int height, SpriteSizing newSizing) {
        camera.setViewport(width, height);
        setSizing(newSizing);
    }

    /** Shows the data's core box beside the panel. */
    public void fit() {
        flight.stop();
        camera.fit();
        changed();
    }

    /** Centres world point ({@code cx}, {@code cy}) at zoom {@code zoom} (then constrained as the camera is). */
    public void setView(float cx, float cy, float zoom) {
        flight.stop();
        camera.set(cx, cy, zoom);
        changed();
    }

    /** Moves the view by a drag of ({@code dx}, {@code dy}) pixels: the world follows the pointer. */
    public void pan(float dx, float dy) {
        flight.stop();
        camera.panPixels(dx, dy);
        version++; // the camera only: contentVersion stays (a scene can be shifted, SceneRenderer)
    }

    /** Multiplies the zoom by {@code factor}, keeping the world point under ({@code sx}, {@code sy}) in place. */
    public void zoomAbout(float sx, float sy, float factor) {
        flight.stop();
        camera.zoomAbout(sx, sy, factor);
        changed();
    }

    /**
     * Flies the camera, eased, from where it is to centre world point ({@code x}, {@code y}) at zoom
     * {@code zoom}, starting at time {@code now} (seconds); {@link #update} moves it. Any other camera
     * change ends the flight where it is.
     */
    public void flyTo(float x, float y, float zoom, float now) {
        flight.start(camera, x, y, zoom, null, now);
        changed();
    }

    /** The smallest zoom a flight to an item ends at: close enough to see the image. */
    public static final float FLY_MIN_ZOOM = 4f;

    /**
     * Flies to item {@code item} where it is drawn now ({@code layouts}: every layout's normalised
     * coordinates), zooming in to at least {@link #FLY_MIN_ZOOM}, so that it lands in the middle of
     * {@code clear} ({x0, y0, x1, y1} in framebuffer pixels: the part of the view no panel covers),
     * beyond the pan rule where it must be (near the data's edge, see Camera).
     */
    public void flyToItem(float[][] layouts, int item, float[] clear, float now) {
        float[] p = new float[2];
        transition.position(layouts, item, p);
        float[] v = camera.viewPutting(p[0], p[1], (clear[0] + clear[2]) / 2, (clear[1] + clear[3]) / 2,
                Math.max(camera.zoom(), FLY_MIN_ZOOM));
        flight.start(camera, v[0], v[1], v[2], camera.beyondRule(v[0], v[1], v[2]), now);
        changed();
    }

    /** True while something moves without input: a transition or a camera flight. */
    public boolean isAnimating() { return transition.isRunning() || flight.isRunning(); }

    // ---------------------------------------------------------------- transition

    /** The transition, to read; change it through this class. */
    public Transition transition() { return transition; }

    public int layoutCount() { return layouts; }

    /** Rests on {@code layout} at once, without animation. */
    public void jumpTo(int layout) {
        transition.reset(layout);
        changed();
    }

    /** Starts a transition to {@code layout} at time {@code now} (seconds). */
    public void moveTo(int layout, float now) {
        int before = transition.target();
        transition.moveTo(layout, now);
        if (transition.target() != before && positions != null) {
            follow.start(positions, transition, camera, legendCodes(), shownCategories());
        }
        changed();
    }

    /** Advances time; returns true when the scene moved. */
    public boolean update(float now) {
        if (!isAnimating()) return false;
        if (flight.isRunning()) flight.update(camera, now);
        if (transition.isRunning()) {
            transition.update(now);
            follow.update(transition, camera);
        }
        changed();
        return true;
    }

    /** Whether a transition started while zoomed in moves the camera with the items on screen. */
    public boolean followsTransitions() { return follow.enabled(); }

    public void setFollowTransitions(boolean on) {
        if (on != follow.enabled()) {
            follow.setEnabled(on);
            changed();
        }
    }

    // ---------------------------------------------------------------- sizing and display settings

    public SpriteSizing sizing() { return sizing; }

    public void setSizing(SpriteSizing sizing) {
        this.sizing = sizing;
        updateFitAndMaxZoom();
        changed();
    }

    /** Sprite side in world units, per layout (from each layout's density). */
    public void setWorldSizes(float[] perLayout) {
        System.arraycopy(perLayout, 0, worldSizes, 0, layouts);
        updateFitAndMaxZoom();
        changed();
    }

    public float worldSize(int layout) { return worldSizes[layout]; }

    /** Sprite side in world units now: during a transition, the layouts' sizes blended by the same weights. */
    public float worldSize() {
        float[] w = transition.weights();
        float s = 0;
        for (int k = 0; k < 3; k++) s += w[k] * worldSizes[transition.slot(k)];
        return s;
    }

    /**
     * The fitted view's room for the sprites at its edges (their size there, {@link Camera#setFitMargin}),
     * then the zoom limit: zoom stops where the smallest sprites of any layout reach their largest size.
     */
    private void updateFitAndMaxZoom() {
        if (sizing == null) return;
        float fitPx = 0;
        // At the fill rule's scale: the margin can only make sprites smaller, so this room is enough.
        for (float w : worldSizes) fitPx = Math.max(fitPx, sizing.pixels(w, camera.fillPixelsPerUnit(), 1f, 1f));
        camera.setFitMargin(fitPx);
        float smallest = Float.POSITIVE_INFINITY;
        for (float w : worldSizes) smallest = Math.min(smallest, w);
        camera.setMaxZoom(sizing.pixelsPerUnitAtMax(smallest) / camera.fitPixelsPerUnit());
    }

    public float userScale() { return userScale; }

    public void setUserScale(float s) { if (s != userScale) { userScale = s; changed(); } }

    public float threshold() { return threshold; }

    /** The threshold this view started at: its bundle's (Manifest.Atlas#defaultThreshold). */
    public float defaultThreshold() { return defaultThreshold; }

    /** Starts the view at its bundle's threshold (the P command's line leaves that one out). */
    public void setDefaultThreshold(float t) {
        defaultThreshold = t;
        setThreshold(t);
    }

    public void setThreshold(float t) { if (t != threshold) { threshold = t; changed(); } }

    /** Sprites drawn smaller than this many pixels are flat squares ({@link #DEFAULT_FLAT_BELOW_PX} unless set). */
    public float flatBelowPx() { return flatBelowPx; }

    /**
     * Draws sprites smaller than {@code px} pixels as flat squares; {@code Float.POSITIVE_INFINITY}: every
     * sprite (bench's {@code zoomed-flat}: what the sprites cost without their images).
     */
    public void setFlatBelowPx(float px) { if (px != flatBelowPx) { flatBelowPx = px; changed(); } }

    public boolean tintByLabel() { return tintByLabel; }

    public void setTintByLabel(boolean on) { if (on != tintByLabel) { tintByLabel = on; changed(); } }

    /** Smooth alpha: texels blend by their alpha (premultiplied) instead of passing or failing the threshold. */
    public boolean smoothAlpha() { return smoothAlpha; }

    public void setSmoothAlpha(boolean on) { if (on != smoothAlpha) { smoothAlpha = on; changed(); } }

    /** Sprite side in pixels now. */
    public float spritePixels() {
        return spritePixelsAt(userScale);
    }

    /** Sprite side in pixels now at the user's scale {@code scale} instead (at most the GL's point size). */
    public float spritePixelsAt(float scale) {
        return sizing.pixels(worldSize(), camera.pixelsPerUnit(), camera.zoom(), scale);
    }

    // ---------------------------------------------------------------- which items show, and how

    /** Number of items. */
    public int itemCount() { return count; }

    // ---------------------------------------------------------------- labels

    /** Per item, its label index into {@link #labelNames()}, as labelled now. Do not modify. */
    public int[] labelOfItem() { return labelColouring.codes(); }

    /** Number of labels (at least one). */
    public int labelCount() { return labelColouring.categoryCount(); }

    /** Each label's name as the legend shows it. */
    public List<String> labelNames() { return labelColouring.categoryNames(); }

    /** Label {@code label}'s colour, 0xRRGGBB. */
    public int labelColor(int label) { return labelColouring.categoryColour(label); }

    /** Increases whenever the labels, their names or colours change. */
    public long labelsVersion() { return labelsVersion; }

    /** The colouring by label: the items' colours until another column is chosen ({@link #setColourBy}). */
    public ColourBy labelColouring() { return labelColouring; }

    /**
     * Gives the items new labels (a user's corrections, or the bundle's names at the start):
     * {@code labelOfItem} per item (copied), each label's name and colour. Labels keep their shown or
     * hidden state by index; labels new at the end are shown. When the items are coloured by label,
     * the new colours show at once.
     */
    public void setLabels(int[] labelOfItem, List<String> names, int[] colors) {
        if (labelOfItem.length != itemCount() || names.isEmpty() || colors.length != names.size()) {
            throw new IllegalArgumentException("labels for " + labelOfItem.length + " items, " + names.size() + " names, "
                    + colors.length + " colours; expected " + itemCount() + " items and a colour per name");
        }
        for (int l : labelOfItem) {
            if (l < 0 || l >= names.size()) throw new IllegalArgumentException("label " + l + " outside 0.." + (names.size() - 1));
        }
        ColourBy next = ColourBy.categories(null, labelOfItem.clone(), names, colors);
        next.showLike(labelColouring);
        boolean current = colourBy == labelColouring;
        labelColouring = next;
        labelsVersion++;
        if (current) {
            colourBy = next;
            colourVersion++;
        }
        coloursVersion++;
        stateRulesChanged();
    }

    /** Whether label {@code label} is shown (the label legend's box). */
    public boolean isShown(int label) { return labelColouring.isShown(label); }

    /** Per label, whether it is shown. */
    public boolean[] shownLabels() { return labelColouring.shownCategories(); }

    /**
     * Shows or hides label {@code label}. While the items are coloured by label, its items are then
     * hidden (neither drawn nor picked); coloured by another column, that column's legend decides.
     */
    public void setShown(int label, boolean on) {
        if (labelColouring.setShown(label, on) && colourBy == labelColouring) stateRulesChanged();
    }

    // ---------------------------------------------------------------- colouring

    /** What colours the items (the labels by default). */
    public ColourBy colourBy() { return colourBy; }

    /** Colours the items by {@code c}; its legend's show/hide decides what is hidden from now on. */
    public void setColourBy(ColourBy c) {
        if (c.itemCount() != count) throw new IllegalArgumentException("colouring for " + c.itemCount() + " items, not " + count);
        if (c == colourBy) return;
        colourBy = c;
        colourVersion++;
        coloursVersion++;
        stateRulesChanged();
    }

    /** Increases whenever {@link #colourBy()} is replaced (the GPU's per-item colour data follows). */
    public long colourVersion() { return colourVersion; }

    /** Increases whenever any item's colour may have changed: colouring, range, labels (thumbnails follow). */
    public long coloursVersion() { return coloursVersion; }

    /** Maps values {@code low} to {@code high} onto the colour map (colouring by numbers). */
    public void setColourRange(double low, double high) {
        if (colourBy.setRange(low, high)) {
            coloursVersion++;
            changed();
        }
    }

    /** Whether the colouring's legend shows category {@code category}. */
    public boolean isCategoryShown(int category) { return colourBy.isShown(category); }

    /** Per category of the colouring, whether it is shown; {@link #legendCodes()} gives each item's. */
    public boolean[] shownCategories() { return colourBy.shownCategories(); }

    /** Per item, its category in the colouring's legend (all 0 when colouring by numbers). Do not modify. */
    public int[] legendCodes() {
        int[] codes = colourBy.codes();
        if (codes != null) return codes;
        if (noCategories == null) noCategories = new int[count];
        return noCategories;
    }

    /** Shows or hides every item of category {@code category} of the colouring: hidden items are neither drawn nor picked. */
    public void setCategoryShown(int category, boolean on) {
        if (colourBy.setShown(category, on)) stateRulesChanged();
    }

    /**
     * True when item {@code item} is hidden: its category hidden in the colouring's legend (its label,
     * by default), or outside the matches with "only matches" on.
     */
    public boolean isHidden(int item) {
        return colourBy.hides(item) || (onlyMatches && matches != null && !matches.contains(item));
    }

    /** The selection, to read (a copy). */
    public ItemSet selection() { return selection.copy(); }

    public boolean isSelected(int item) { return selection.contains(item); }

    /** How many items are selected (from the cached {@link #selectedItems}: asked for several times a frame). */
    public int selectedCount() { return selectedItems().length; }

    /**
     * How many selected items are shown: a selection keeps the items of a category hidden after it was
     * made (and a restored one those hidden before), which an edit of the selection still changes.
     * Cached until the selection or what is hidden changes.
     */
    public int selectedShownCount() {
        if (shownCountSelection != selectionVersion || shownCountRules != rulesVersion || shownCountLabels != labelsVersion
                || shownCountMatches != matches) {
            int shown = 0;
            for (int i : selectedItems()) if (!isHidden(i)) shown++;
            selectedShown = shown;
            shownCountSelection = selectionVersion;
            shownCountRules = rulesVersion;
            shownCountLabels = labelsVersion;
            shownCountMatches = matches;
        }
        return selectedShown;
    }

    private int selectedShown;
    private long shownCountSelection = -1, shownCountRules = -1, shownCountLabels = -1;
    private ItemSet shownCountMatches;

    /**
     * "N selected", or "N selected, M shown" when some of them are hidden: the count alone said nothing
     * of items an edit or an export would take that the view does not show.
     */
    public String selectedText() {
        int n = selectedCount(), shown = selectedShownCount();
        return shown == n ? String.format("%,d selected", n) : String.format("%,d selected, %,d shown", n, shown);
    }

    /** Increases whenever the selection changes. */
    public long selectionVersion() { return selectionVersion; }

    /** The selected items in increasing order (cached until the selection changes). Do not modify. */
    public int[] selectedItems() {
        if (selectedItemsVersion != selectionVersion) {
            selectedItems = selection.toArray();
            selectedItemsVersion = selectionVersion;
        }
        return selectedItems;
    }

    /** Replaces the selection with {@code items} (hidden or not: a saved selection is restored as it was). */
    public void setSelection(ItemSet items) {
        if (selection.equals(items)) return;
        selection.clear();
        selection.or(items);
        selectionChanged();
    }

    /** Selects {@code item} alone (a click); -1 clears the selection (a click on nothing). */
    public void selectOnly(int item) {
        ItemSet one = new ItemSet(itemCount());
        if (item >= 0 && !isHidden(item)) one.add(item);
        setSelection(one);
    }

    /** Adds {@code item} to the selection or removes it (shift-click). Hidden items are not added. */
    public void toggleSelected(int item) {
        if (!selection.contains(item) && isHidden(item)) return;
        selection.toggle(item);
        selectionChanged();
    }

    /** Adds {@code items} (those not hidden) to the selection. */
    public void addToSelection(ItemSet items) {
        setSelection(shownOf(items).or(selection));
    }

    /** Replaces the selection with the shown items of {@code items}. */
    public void selectShown(ItemSet items) {
        setSelection(shownOf(items));
    }

    public void clearSelection() { setSelection(new ItemSet(itemCount())); }

    /** Selects every shown item not selected, and deselects the rest. */
    public void invertSelection() {
        ItemSet next = new ItemSet(itemCount());
        for (int i = 0; i < count; i++) if (!selection.contains(i) && !isHidden(i)) next.add(i);
        setSelection(next);
    }

    /** Selects the shown items of category {@code category} of the colouring (the legend). */
    public void selectCategory(int category) {
        int[] codes = colourBy.codes();
        ItemSet next = new ItemSet(itemCount());
        if (codes != null) for (int i = 0; i < count; i++) if (codes[i] == category && !isHidden(i)) next.add(i);
        setSelection(next);
    }

    /**
     * The search's matches that are shown (not in a hidden category), or null without a search: what
     * selecting or exporting the matches takes. Worked out again only when the matches or the rules of
     * what shows change.
     */
    public ItemSet shownMatches() {
        if (matches == null) return null;
        if (shownMatchesOf != matches || shownMatchesRules != rulesVersion) {
            shownMatches = shownOf(matches);
            shownMatchesOf = matches;
            shownMatchesRules = rulesVersion;
        }
        return shownMatches;
    }

    private ItemSet shownMatches, shownMatchesOf;
    private long rulesVersion, shownMatchesRules = -1;

    /** Selects the shown matches of the search; nothing happens without one. */
    public void selectMatches() {
        if (matches != null) setSelection(shownMatches().copy());
    }

    /** The items of {@code items} that are not hidden (a copy). */
    private ItemSet shownOf(ItemSet items) {
        ItemSet out = items.copy();
        for (int i = out.next(0); i >= 0; i = out.next(i + 1)) if (isHidden(i)) out.remove(i);
        return out;
    }

    /** The pinned item, whose neighbours are drawn and listed, or -1. */
    public int pinned() { return pinned; }

    /** Pins {@code item} (pinning another unpins the last); -1 or a hidden item unpins. */
    public void pin(int item) {
        int next = item >= 0 && item < itemCount() && !isHidden(item) ? item : -1;
        if (next != pinned) {
            pinned = next;
            changed();
        }
    }

    /** Pins {@code item}, or unpins it when it is the pinned one (a second modifier-click). */
    public void togglePin(int item) { pin(item == pinned ? -1 : item); }

    /** Search matches, or null when no search is active. */
    public ItemSet matches() { return matches == null ? null : matches.copy(); }

    /** Sets the search's matches; null ends the search. */
    public void setMatches(ItemSet items) {
        if (items == null ? matches == null : items.equals(matches)) return;
        matches = items == null ? null : items.copy();
        statesChanged();
    }

    public boolean onlyMatches() { return onlyMatches; }

    /** With a search active, hides the items it does not match (else they are dimmed). */
    public void setOnlyMatches(boolean on) {
        if (on != onlyMatches) {
            onlyMatches = on;
            stateRulesChanged();
        }
    }

    public boolean dimUnselected() { return dimUnselected; }

    /**
     * True when the dimmed items are drawn behind the others: while a search dims its non-matches and the
     * selection does not dim the rest, its matches come to the front (they were covered by later items, 50
     * matches showing as one). With the rest dimmed, every unselected item is, and they keep their order.
     */
    public boolean dimmedBehind() { return matches != null && !(dimUnselected && !selection.isEmpty()); }

    /** With a selection, draws the other items darker ("dim the rest"). */
    public void setDimUnselected(boolean on) {
        if (on != dimUnselected) {
            dimUnselected = on;
            stateRulesChanged();
        }
    }

    /**
     * Every item's flags, brought up to date with the selection, matches and visibility: after a change
     * of the selection or the matches alone, by the items whose membership changed (a word of 64 at a
     * time: a search typed at a million items, a shift-click), else by every item.
     */
    public ItemStates itemStates() {
        if (statesStale) {
            boolean dimRest = dimUnselected && !selection.isEmpty();
            boolean some = statesSelection != null && !statesRulesChanged && (matches == null) == (statesMatches == null)
                    && statesSelection.isEmpty() == selection.isEmpty();
            if (some) {
                long[] sel = selection.words(), was = statesSelection.words();
                long[] m = matches == null ? null : matches.words(), wasM = matches == null ? null : statesMatches.words();
                for (int w = 0; w < sel.length; w++) {
                    long diff = (sel[w] ^ was[w]) | (m == null ? 0L : m[w] ^ wasM[w]);
                    for (; diff != 0; diff &= diff - 1) updateState((w << 6) | Long.numberOfTrailingZeros(diff), dimRest);
                }
            } else {
                for (int i = 0; i < count; i++) updateState(i, dimRest);
            }
            statesSelection = selection.copy();
            statesMatches = matches; // replaced by setMatches, never changed in place
            statesRulesChanged = false;
            statesStale = false;
        }
        return states;
    }

    private void updateState(int i, boolean dimRest) {
        boolean sel = selection.contains(i);
        boolean match = matches != null && matches.contains(i);
        int f = 0;
        if (sel) f |= ItemStates.SELECTED;
        if (match) f |= ItemStates.MATCHED;
        if (isHidden(i)) f |= ItemStates.HIDDEN;
        if ((dimRest && !sel) || (matches != null && !match)) f |= ItemStates.DIMMED;
        states.set(i, f);
    }

    private void selectionChanged() {
        selectionVersion++;
        statesChanged();
    }

    private void statesChanged() {
        statesStale = true;
        changed();
    }

    /** What hides or dims items changed: every item's state is worked out again. */
    private void stateRulesChanged() {
        rulesVersion++;
        statesRulesChanged = true;
        statesChanged();
    }

    // ---------------------------------------------------------------- versioning

    /** Forces the next frame to redraw the scene although nothing changed (benchmarks time full redraws). */
    public void invalidate() { changed(); }

    private void changed() {
        version++;
        contentVersion++;
    }

    /** Increases whenever the scene would draw differently. */
    public long version() { return version; }

    /**
     * Increases with {@link #version()} for every change but a pan ({@link #pan}): while it stays, the
     * scene differs from the last one drawn only by where the camera looks, at the same zoom.
     */
    public long contentVersion() { return contentVersion; }
}
