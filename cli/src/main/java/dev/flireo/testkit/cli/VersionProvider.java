package dev.flireo.testkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into {@code flireo-cli.properties} at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/flireo-cli.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return new String[] {
            "flireo " + props.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
