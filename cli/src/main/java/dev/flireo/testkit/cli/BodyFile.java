package dev.flireo.testkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The raw bytes of a request body given as a file or {@code -}: signatures cover the bytes exactly as sent. */
final class BodyFile {

    private BodyFile() {}

    static byte[] read(String file, InputStream stdin) throws IOException {
        return file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
    }
}
