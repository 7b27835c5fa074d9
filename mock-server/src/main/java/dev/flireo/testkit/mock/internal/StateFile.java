package dev.flireo.testkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The state file: the document {@code GET /__flireo/state} exports, on disk. Every write goes to a temporary file in
 * the same directory, is forced to the disk, and then renamed over the file in one atomic step, so a process killed
 * at any moment leaves either the previous complete file or the new one, never a mix.
 */
public final class StateFile {

    private final Path file;
    private final Path directory;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.directory = this.file.getParent();
    }

    /**
     * Replaces the store's state with the file's; false (and nothing changed) when there is no file yet.
     *
     * @throws IllegalStateException naming the file and what is wrong with it; the file is left as it is
     */
    public boolean loadInto(StateStore store) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException ignored) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read state file " + file + ": " + describe(e), e);
        }
        JsonNode document;
        try {
            document = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "state file " + file + " is not valid JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr(),
                    e);
        }
        if (document == null || document.isMissingNode()) {
            throw new IllegalStateException(
                    "state file " + file + " is empty; expected the JSON object that " + "GET /__flireo/state exports");
        }
        try {
            store.replace(document);
        } catch (ApiError e) {
            throw new IllegalStateException("state file " + file + " is not a mock state: " + e.getMessage(), e);
        }
        return true;
    }

    /** Writes the document atomically: temporary file, fsync, rename over the file, fsync of the directory. */
    public void write(JsonNode document) throws IOException {
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, temporaryPrefix(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the temporary files of writes a killed process left behind (never the state file itself). */
    public void removeLeftovers() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, temporaryPrefix() + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (NoSuchFileException ignored) {
            // no directory yet: nothing left over
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up after an earlier run in " + directory, e);
        }
    }

    private String temporaryPrefix() {
        return "." + file.getFileName() + ".";
    }

    /** The rename is only durable once the directory entry is on disk too. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
