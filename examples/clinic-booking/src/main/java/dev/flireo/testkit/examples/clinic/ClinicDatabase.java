package dev.flireo.testkit.examples.clinic;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/** The clinic's embedded H2 database: a small connection pool, with the schema applied when it opens. */
public final class ClinicDatabase implements AutoCloseable {

    /** SQLSTATE of a unique or primary key violation: how the repositories notice a repeated delivery. */
    static final String DUPLICATE_KEY = "23505";

    private final JdbcConnectionPool pool;

    private ClinicDatabase(String jdbcUrl) {
        this.pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/dev/flireo/testkit/examples/clinic/schema.sql'");
        } catch (SQLException e) {
            pool.dispose();
            throw new IllegalStateException("cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** A database at a JDBC URL, e.g. {@code jdbc:h2:./clinic} (a file) or {@code jdbc:h2:mem:clinic}. */
    public static ClinicDatabase open(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("the database must be an H2 JDBC URL (jdbc:h2:...), got " + jdbcUrl);
        }
        return new ClinicDatabase(jdbcUrl);
    }

    /** A fresh in-memory database of its own, gone when closed. */
    public static ClinicDatabase inMemory() {
        return new ClinicDatabase("jdbc:h2:mem:clinic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    static boolean isDuplicateKey(SQLException e) {
        return DUPLICATE_KEY.equals(e.getSQLState());
    }

    @Override
    public void close() {
        // An in-memory database outlives its connections (DB_CLOSE_DELAY=-1) until it is shut down.
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already closed: nothing left to release.
        }
        pool.dispose();
    }
}
