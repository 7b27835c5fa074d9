package dev.flireo.testkit.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the arguments of {@code flireo validate} into documents: a JSON file (one value, or an array of them), a
 * stream of values (NDJSON), a HAR recording, every such file of a folder, or {@code -} for standard input.
 */
final class ValidationInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<String> EXTENSIONS = List.of(".json", ".ndjson", ".jsonl", ".har");

    /** One JSON value read from an input, with where it came from. */
    record Document(String label, JsonNode value, boolean har) {}

    /** An input that cannot be read, with the file and line to look at. */
    static final class UnreadableInput extends Exception {
        UnreadableInput(String message) {
            super(message);
        }
    }

    private ValidationInputs() {}

    /** The files an argument stands for: itself, or a folder's JSON, NDJSON and HAR files in name order. */
    static List<Path> expand(String argument) throws UnreadableInput {
        if (argument.equals("-")) {
            return List.of(Path.of("-"));
        }
        Path path = Path.of(argument);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new UnreadableInput(argument + ": no such file or folder");
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> EXTENSIONS.stream()
                            .anyMatch(f.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UnreadableInput(argument + ": " + e.getMessage());
        }
    }

    /** The documents of one file ({@code -} is standard input), in order. */
    static List<Document> read(Path file, InputStream stdin) throws UnreadableInput {
        String name = file.toString().equals("-") ? "<stdin>" : file.toString();
        String text;
        try {
            text = name.equals("<stdin>")
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file);
        } catch (IOException e) {
            throw new UnreadableInput(name + ": cannot read: " + e.getMessage());
        }
        List<Document> documents = new ArrayList<>();
        List<Located> values = values(name, text);
        for (Located located : values) {
            String label = values.size() == 1 ? name : name + ":" + located.line();
            JsonNode value = located.value();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    documents.add(new Document(label + "[" + i + "]", value.get(i), false));
                }
            } else {
                documents.add(new Document(
                        label, value, value.path("log").path("entries").isArray()));
            }
        }
        if (documents.isEmpty()) {
            throw new UnreadableInput(name + ": empty, no JSON to validate");
        }
        return documents;
    }

    private record Located(int line, JsonNode value) {}

    private static UnreadableInput unreadable(String name, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        return new UnreadableInput(name + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                + ": not valid JSON: " + e.getOriginalMessage());
    }

    // One value, or NDJSON: a stream of values separated by whitespace, each labelled by the line it starts on.
    // (Jackson's iterator would unwrap a top-level array itself and lose the element numbers, so arrays are read
    // whole.)
    private static List<Located> values(String name, String text) throws UnreadableInput {
        List<Located> values = new ArrayList<>();
        if (text.stripLeading().startsWith("[")) {
            try {
                return List.of(new Located(1, STRICT.readTree(text)));
            } catch (JsonProcessingException e) {
                throw unreadable(name, e);
            }
        }
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
            while (true) {
                int line = it.getParser().currentLocation().getLineNr();
                if (!it.hasNextValue()) {
                    break;
                }
                JsonLocation start = it.getParser().currentTokenLocation();
                values.add(new Located(start == null ? line : start.getLineNr(), it.nextValue()));
            }
        } catch (JsonProcessingException e) {
            throw unreadable(name, e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInput(name + ": not valid JSON: " + e.getMessage());
        }
        return values;
    }
}
