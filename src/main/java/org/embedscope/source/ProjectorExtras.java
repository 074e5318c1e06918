package org.embedscope.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.embedscope.bundle.BundleException;
import org.embedscope.bundle.TextFiles;

/**
 * What {@code export-projector} keeps of a bundle that a projector config has no field for: the bundle's
 * name, the display names of its label values (and the metadata column that spells them out) and each
 * layout's title, by its tensor file. Written as {@value #FILE_NAME} beside {@code projector_config.pbtxt},
 * a file TensorBoard does not read; {@code prepare --projector} takes them back from it, so that a bundle
 * exported and prepared again keeps them. A log without the file is read as TensorBoard's alone.
 *
 * @param name        the bundle's name
 * @param labelColumn the metadata column holding the labels the names are of
 * @param labelNames  label value → display name (may be empty)
 * @param nameColumn  the metadata column holding each label's display name, null for none
 * @param titles      tensor file name → the title of the layout it holds
 */
public record ProjectorExtras(String name, String labelColumn, Map<String, String> labelNames, String nameColumn, Map<String, String> titles) {
    public static final String FILE_NAME = "embedscope.json";
    private static final String FORMAT = "embedscope-projector-extras";

    /** The file beside {@code config}. */
    public static Path beside(Path config) {
        return config.toAbsolutePath().getParent().resolve(FILE_NAME);
    }

    /** Writes these into {@code file}. */
    public void write(Path file) throws BundleException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("name", name);
        if (labelColumn != null) {
            ObjectNode label = root.putObject("label");
            label.put("column", labelColumn);
            if (nameColumn != null) label.put("name_column", nameColumn);
            ObjectNode names = label.putObject("names");
            labelNames.forEach(names::put);
        }
        ObjectNode layouts = root.putObject("titles");
        titles.forEach(layouts::put);
        try {
            Files.writeString(file, json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot write: " + BundleException.describe(e));
        }
    }

    /** What the file beside {@code config} says, or null when there is none. */
    public static ProjectorExtras read(Path config) throws BundleException {
        Path file = beside(config);
        if (!Files.isRegularFile(file)) return null;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(TextFiles.readString(file));
        } catch (JsonProcessingException e) {
            throw new BundleException(file, e.getLocation() == null ? null : "line " + e.getLocation().getLineNr(), "not valid JSON: "
                    + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw TextFiles.notUtf8(file, "UTF-8 JSON");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new BundleException(file, "field format", "expected \"" + FORMAT + "\", as export-projector writes it "
                    + "(remove the file to read the log as TensorBoard does)");
        }
        String name = text(root, "name", file);
        String labelColumn = null, nameColumn = null;
        Map<String, String> names = Map.of();
        JsonNode label = root.get("label");
        if (label != null && !label.isNull()) {
            if (!label.isObject()) throw new BundleException(file, "field label", "expected an object {\"column\", \"names\"}");
            labelColumn = text(label, "column", file);
            nameColumn = label.has("name_column") ? text(label, "name_column", file) : null;
            names = strings(label.get("names"), "label.names", file);
        }
        return new ProjectorExtras(name, labelColumn, names, nameColumn, strings(root.get("titles"), "titles", file));
    }

    private static String text(JsonNode o, String field, Path file) throws BundleException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) throw new BundleException(file, "field " + field, "expected a string");
        return v.asText();
    }

    private static Map<String, String> strings(JsonNode o, String field, Path file) throws BundleException {
        if (o == null || o.isNull()) return Map.of();
        if (!o.isObject()) throw new BundleException(file, "field " + field, "expected an object of strings");
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) throw new BundleException(file, "field " + field + "." + e.getKey(), "expected a string");
            m.put(e.getKey(), e.getValue().asText());
        }
        return Collections.unmodifiableMap(m);
    }
}
