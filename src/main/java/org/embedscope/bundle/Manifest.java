package org.embedscope.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code bundle.json}, format version 1: what a bundle holds and where. See README, "Bundle format".
 *
 * <p>{@link #read} checks the structure (types, required fields, value ranges, paths that stay inside
 * the bundle); it does not open the files the manifest names. {@link #toJson} writes the same format.
 */
public record Manifest(
        String name,
        int count,
        String points,
        List<Layout> layouts,
        Label label,
        Atlas atlas,
        Map<String, Object> provenance,
        Neighbors neighbors) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "bundle.json";
    /** Most items a bundle may hold: each layout keeps {@code 2 * count} floats in one Java array. */
    public static final int MAX_COUNT = (Integer.MAX_VALUE - 8) / 2;

    /** A layout: columns {@code name_x} and {@code name_y} of the points file. */
    public record Layout(String name, String title, Map<String, Object> params) {
        private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

        public Layout(String name, String title) { this(name, title, Map.of()); }

        /** True when {@code name} may name a layout: letters, digits, '_', '-', '.', not starting with '_', '-' or '.'. */
        public static boolean isPlainName(String name) { return PLAIN_NAME.matcher(name).matches(); }

        public String xColumn() { return name + "_x"; }

        public String yColumn() { return name + "_y"; }

        /** The optional column of each item's trust in this layout (see {@link BundleFormat#fraction}). */
        public String trustColumn() { return name + "_trust"; }
    }

    /** The label column and optional display names of its values. */
    public record Label(String column, Map<String, String> names) {
        /** The display name of a raw value: its given name, else the value itself. */
        public String displayName(String value) {
            String n = names.get(value);
            return n != null ? n : value;
        }
    }

    /** One level of detail: a grid of {@code columns × rows} square cells of {@code cell} pixels per page. */
    public record Level(int cell, int columns, int rows, List<String> pages) {
        public int cellsPerPage() { return columns * rows; }

        /** Page of item {@code i}. */
        public int page(int i) { return i / cellsPerPage(); }

        /** Column of item {@code i} in its page's grid. */
        public int column(int i) { return (i % cellsPerPage()) % columns; }

        /** Row of item {@code i} in its page's grid. */
        public int row(int i) { return (i % cellsPerPage()) / columns; }
    }

    /**
     * Texture atlases: how alpha is read, what a kept texel of a {@code luminance} atlas shows (ignored
     * for the other modes, whose texels always show their own colour), and the levels of detail, finest
     * first.
     */
    public record Atlas(AlphaMode alpha, Ink ink, List<Level> levels) {
        /** An atlas of strokes' ink ({@link Ink#FULL}), as every bundle without {@code atlas.ink}. */
        public Atlas(AlphaMode alpha, List<Level> levels) { this(alpha, Ink.FULL, levels); }

        public Level finest() { return levels.get(0); }

        /** Whether kept texels show their own grey rather than full-strength ink. */
        public boolean shaded() { return alpha == AlphaMode.LUMINANCE && ink == Ink.SHADED; }

        /** The alpha threshold a view of this atlas starts at. */
        public float defaultThreshold() { return alpha == AlphaMode.LUMINANCE ? ink.defaultThreshold() : Ink.FULL.defaultThreshold(); }
    }

    /**
     * The optional neighbours file: {@code k} nearest other items per item (see {@link NeighborsFile}),
     * by the distance {@code metric} (a name such as {@code euclidean}, for display; may be null).
     */
    public record Neighbors(String file, int k, String metric) {}

    public Manifest {
        layouts = List.copyOf(layouts);
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** A manifest without neighbours. */
    public Manifest(String name, int count, String points, List<Layout> layouts, Label label, Atlas atlas, Map<String, Object> provenance) {
        this(name, count, points, layouts, label, atlas, provenance, null);
    }

    /** This manifest with {@code n} as its neighbours file (null for none). */
    public Manifest withNeighbors(Neighbors n) {
        return new Manifest(name, count, points, layouts, label, atlas, provenance, n);
    }

    /** The layout called {@code name}, or null. */
    public Layout layout(String layoutName) {
        for (Layout l : layouts) if (l.name().equals(layoutName)) return l;
        return null;
    }

    /** Index of the layout called {@code name}, or -1. */
    public int layoutIndex(String layoutName) {
        for (int i = 0; i < layouts.size(); i++) if (layouts.get(i).name().equals(layoutName)) return i;
        return -1;
    }

    // ---------------------------------------------------------------- reading

    /** For writing only; reading builds its trees with the streaming parser (see {@link JsonTrees}). */
    private static final class Writer {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads and checks {@code bundle.json} in {@code bundleDir}. */
    public static Manifest read(Path bundleDir) throws BundleException {
        Path file = bundleDir.resolve(FILE_NAME);
        BundlePaths.checkRegularFile(file, "a JSON file");
        String text;
        try {
            text = TextFiles.readString(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "missing: a bundle folder must hold " + FILE_NAME);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw TextFiles.notUtf8(file, "UTF-8 JSON");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonTrees.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new BundleException(file, where, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + e.getMessage());
        }
        return new Parser(file).manifest(root);
    }

    /** Checks one JSON tree field by field, naming the field in each error. */
    private static final class Parser {
        private final Path file;

        Parser(Path file) { this.file = file; }

        BundleException error(String field, String what) {
            return new BundleException(file, "field " + field, what);
        }

        Manifest manifest(JsonNode root) throws BundleException {
            if (root == null || !root.isObject()) throw new BundleException(file, null, "expected a JSON object");
            JsonNode format = root.get("format");
            if (format == null) throw error("format", "missing; expected 1");
            if (!format.isIntegralNumber() || format.asInt() != FORMAT) {
                throw error("format", "unknown format version " + format + "; this embedscope reads format " + FORMAT);
            }
            String name = root.has("name") ? string(root, "name", "name") : file.getParent().getFileName().toString();
            int count = integer(root, "count", "count", 1, MAX_COUNT);
            String points = relativePath(string(root, "points", "points"), "points");

            JsonNode ls = root.get("layouts");
            if (ls == null || !ls.isArray() || ls.isEmpty()) throw error("layouts", "expected a non-empty array of {\"name\", \"title\"}");
            List<Layout> layouts = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ls.size(); i++) {
                String f = "layouts[" + i + "]";
                JsonNode l = ls.get(i);
                if (!l.isObject()) throw error(f, "expected an object {\"name\", \"title\"}");
                String ln = string(l, "name", f + ".name");
                if (!Layout.isPlainName(ln)) {
                    throw error(f + ".name", "'" + ln + "' is not a plain name (letters, digits, '_', '-', '.')");
                }
                if (!seen.add(ln)) throw error(f + ".name", "duplicate layout name '" + ln + "'");
                String title = l.has("title") ? string(l, "title", f + ".title") : ln;
                Map<String, Object> params = l.has("params") ? objectMap(l.get("params"), f + ".params") : Map.of();
                layouts.add(new Layout(ln, title, params));
            }

            Label label = null;
            JsonNode lb = root.get("label");
            if (lb != null && !lb.isNull()) {
                if (!lb.isObject()) throw error("label", "expected an object {\"column\", \"names\"}");
                String column = string(lb, "column", "label.column");
                Map<String, String> names = new LinkedHashMap<>();
                JsonNode ns = lb.get("names");
                if (ns != null && !ns.isNull()) {
                    if (!ns.isObject()) throw error("label.names", "expected an object mapping values to names");
                    for (Iterator<Map.Entry<String, JsonNode>> it = ns.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!e.getValue().isTextual()) throw error("label.names." + e.getKey(), "expected a string");
                        names.put(e.getKey(), e.getValue().asText());
                    }
                }
                for (Layout l : layouts) {
                    if (column.equals(l.xColumn()) || column.equals(l.yColumn())) {
                        throw error("label.column", "'" + column + "' is a coordinate column of layout '" + l.name()
                                + "'; expected a column of its own");
                    }
                }
                label = new Label(column, Collections.unmodifiableMap(names));
            }

            JsonNode at = root.get("atlas");
            if (at == null || !at.isObject()) throw error("atlas", "missing; expected {\"alpha\", \"levels\"}");
            String alphaName = at.has("alpha") ? string(at, "alpha", "atlas.alpha") : "channel";
            AlphaMode alpha = AlphaMode.fromJson(alphaName);
            if (alpha == null) throw error("atlas.alpha", "unknown alpha mode '" + alphaName + "'; expected luminance, channel or opaque");
            Ink ink = Ink.FULL;
            if (at.has("ink")) {
                String inkName = string(at, "ink", "atlas.ink");
                ink = Ink.fromJson(inkName);
                if (ink == null) throw error("atlas.ink", "unknown ink '" + inkName + "'; expected full or shaded");
            }
            JsonNode lv = at.get("levels");
            if (lv == null || !lv.isArray() || lv.isEmpty()) throw error("atlas.levels", "expected a non-empty array of levels");
            List<Level> levels = new ArrayList<>();
            for (int i = 0; i < lv.size(); i++) {
                String f = "atlas.levels[" + i + "]";
                JsonNode l = lv.get(i);
                if (!l.isObject()) throw error(f, "expected an object {\"cell\", \"columns\", \"rows\", \"pages\"}");
                int cell = integer(l, "cell", f + ".cell", 1, 65536);
                int columns = integer(l, "columns", f + ".columns", 1, 1 << 20);
                int rows = integer(l, "rows", f + ".rows", 1, 1 << 20);
                if ((long) columns * rows > Integer.MAX_VALUE) throw error(f, "columns × rows is too large");
                JsonNode ps = l.get("pages");
                if (ps == null || !ps.isArray() || ps.isEmpty()) throw error(f + ".pages", "expected a non-empty array of PNG paths");
                List<String> pages = new ArrayList<>();
                for (int p = 0; p < ps.size(); p++) {
                    String pf = f + ".pages[" + p + "]";
                    if (!ps.get(p).isTextual()) throw error(pf, "expected a path string");
                    pages.add(relativePath(ps.get(p).asText(), pf));
                }
                long cells = (long) columns * rows * pages.size();
                if (cells < count) {
                    throw error(f, "has " + cells + " cells (" + columns + "×" + rows + " × " + pages.size()
                            + " pages) for " + count + " items; expected at least one cell per item");
                }
                if (i > 0 && cell >= levels.get(i - 1).cell()) {
                    throw error(f + ".cell", "is " + cell + "; each further level must be coarser than the one before ("
                            + levels.get(i - 1).cell() + ")");
                }
                levels.add(new Level(cell, columns, rows, List.copyOf(pages)));
            }
            Map<String, Object> provenance = root.has("provenance") ? objectMap(root.get("provenance"), "provenance") : Map.of();
            return new Manifest(name, count, points, layouts, label, new Atlas(alpha, ink, List.copyOf(levels)), provenance,
                    neighbors(root.get("neighbors"), count));
        }

        /** The optional {@code neighbors} object: a file inside the bundle and k from 1 to count − 1. */
        Neighbors neighbors(JsonNode nb, int count) throws BundleException {
            if (nb == null || nb.isNull()) return null;
            if (!nb.isObject()) throw error("neighbors", "expected an object {\"file\", \"k\"}");
            String file = relativePath(string(nb, "file", "neighbors.file"), "neighbors.file");
            if (count < 2) throw error("neighbors", "a bundle of one item has no neighbours; remove the field");
            int most = (int) Math.min(count - 1, (Integer.MAX_VALUE - 8) / 8 / count);
            int k = integer(nb, "k", "neighbors.k", 1, most);
            String metric = nb.has("metric") ? string(nb, "metric", "neighbors.metric") : null;
            return new Neighbors(file, k, metric);
        }

        String string(JsonNode obj, String key, String field) throws BundleException {
            JsonNode v = obj.get(key);
            if (v == null || v.isNull()) throw error(field, "missing; expected a string");
            if (!v.isTextual()) throw error(field, "expected a string, found " + v.getNodeType().name().toLowerCase());
            return v.asText();
        }

        int integer(JsonNode obj, String key, String field, int min, int max) throws BundleException {
            JsonNode v = obj.get(key);
            if (v == null || v.isNull()) throw error(field, "missing; expected an integer");
            if (!v.isIntegralNumber() || !v.canConvertToInt()) throw error(field, "expected an integer, found " + v);
            int x = v.asInt();
            if (x < min || x > max) throw error(field, "is " + x + "; expected " + min + " to " + max);
            return x;
        }

        Map<String, Object> objectMap(JsonNode node, String field) throws BundleException {
            if (!node.isObject()) throw error(field, "expected an object");
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) JsonTrees.plain(node);
            return m;
        }

        /** A path inside the bundle: relative, no '..', no drive letters or backslashes. */
        String relativePath(String p, String field) throws BundleException {
            String why = BundlePaths.escapeReason(p);
            if (why != null) throw error(field, "path '" + p + "' " + why + "; paths must stay inside the bundle folder");
            return p;
        }
    }

    // ---------------------------------------------------------------- writing

    /** The manifest as {@code bundle.json} text. */
    public String toJson() {
        ObjectMapper json = Writer.JSON;
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", name);
        root.put("count", count);
        root.put("points", points);
        ArrayNode ls = root.putArray("layouts");
        for (Layout l : layouts) {
            ObjectNode o = ls.addObject();
            o.put("name", l.name());
            o.put("title", l.title());
            if (!l.params().isEmpty()) o.set("params", json.valueToTree(l.params()));
        }
        if (label != null) {
            ObjectNode o = root.putObject("label");
            o.put("column", label.column());
            if (!label.names().isEmpty()) {
                ObjectNode ns = o.putObject("names");
                label.names().forEach(ns::put);
            }
        }
        ObjectNode a = root.putObject("atlas");
        a.put("alpha", atlas.alpha().jsonName());
        // Written only where it changes the picture: a bundle of strokes reads as before any ink existed.
        if (atlas.shaded()) a.put("ink", atlas.ink().jsonName());
        ArrayNode lv = a.putArray("levels");
        for (Level l : atlas.levels()) {
            ObjectNode o = lv.addObject();
            o.put("cell", l.cell());
            o.put("columns", l.columns());
            o.put("rows", l.rows());
            ArrayNode ps = o.putArray("pages");
            l.pages().forEach(ps::add);
        }
        if (neighbors != null) {
            ObjectNode o = root.putObject("neighbors");
            o.put("file", neighbors.file());
            o.put("k", neighbors.k());
            if (neighbors.metric() != null) o.put("metric", neighbors.metric());
        }
        if (!provenance.isEmpty()) root.set("provenance", json.valueToTree(provenance));
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
