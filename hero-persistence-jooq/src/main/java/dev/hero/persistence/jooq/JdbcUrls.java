package dev.hero.persistence.jooq;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** What Hero reads from a JDBC URL, and how it shows one without its credentials. */
final class JdbcUrls {

    static final String REDACTED = "***";

    /** {@code //user:password@host}, which some drivers accept. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/?@]*@");

    /** A URL parameter whose name says it holds a credential: user, password, sslpassword, secret, token, key... */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "([?&;])([^=?&;]*(?i:user|password|passwd|pwd|secret|token|key)[^=?&;]*)=([^&;]*)");

    private JdbcUrls() {
    }

    /** The URL for a log line or an error message: credentials replaced by {@value #REDACTED}. */
    static String redact(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceAll("//" + REDACTED + "@");
        return CREDENTIAL_PARAMETER.matcher(withoutUserInfo).replaceAll("$1$2=" + REDACTED);
    }

    /** The file of a {@code jdbc:sqlite:} URL: what follows the prefix (and any {@code file:}), up to its parameters. */
    static Path sqliteFile(String url) {
        String target = url.substring("jdbc:sqlite:".length());
        if (target.startsWith("file:")) {
            target = target.substring("file:".length());
        }
        int parameters = target.indexOf('?');
        return Path.of(parameters < 0 ? target : target.substring(0, parameters));
    }

    /**
     * In-memory SQLite gives every connection a database of its own, so the writer and the readers
     * would not see each other's heroes.
     */
    static boolean isSqliteInMemory(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String target = lower.substring("jdbc:sqlite:".length());
        return target.isEmpty() || target.startsWith(":memory:") || target.startsWith("file::memory:")
                || lower.contains("mode=memory");
    }
}
