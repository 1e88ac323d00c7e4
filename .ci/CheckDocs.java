import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every relative link and every file path named in README.md and docs/ must exist in the repository, and no page may send
 * the reader outside it (../shared; only the tutorial app the benchmark runs, ../shared/reference, is named). A path is
 * any word in `code` or a fenced block that starts with a top-level folder of the repository (hero-app/..., docs/...,
 * .ci/...), and any Markdown file named anywhere; build output (target/) and elided paths (.../, *, {placeholders})
 * are left out. Prints each broken one; exits 1 if there is any.
 *
 *   java .ci/CheckDocs.java REPOSITORY_ROOT
 */
public class CheckDocs {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE = Pattern.compile("```[^\\n]*\\n(.*?)```|`([^`\\n]+)`", Pattern.DOTALL);
    /** A Markdown file named anywhere in the text, such as VERSIONS.md or docs/web.md. */
    private static final Pattern MARKDOWN_FILE = Pattern.compile("(?<![\\w./-])([\\w./-]+\\.md)\\b");
    private static final Set<String> TOP_LEVEL = Set.of("hero-domain", "hero-persistence-jooq", "hero-web-helidon",
            "hero-app", "docs", ".ci");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).filter(file -> !file.toString().contains("/target/"))
                    .sorted().forEach(pages::add);
        }
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            String name = root.relativize(page).toString();
            // the tutorial app the benchmark compares against (../shared/reference) is the one thing outside it a page may name
            if (Pattern.compile("\\.\\./shared(?!/reference/)").matcher(text).find()) {
                problems.add(name + " sends the reader to ../shared, which is not part of the repository");
            }
            Matcher markdownFile = MARKDOWN_FILE.matcher(text);
            while (markdownFile.find()) {
                String path = markdownFile.group(1);
                if (isCheckedPath(path) && !exists(root, page, path)) {
                    problems.add(name + " names " + path + ", which does not exist");
                }
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (!target.isEmpty() && !target.matches("[a-z]+:.*") && !Files.exists(page.getParent().resolve(target))) {
                    problems.add(name + " links to " + target + ", which does not exist");
                }
            }
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                String span = code.group(1) != null ? code.group(1) : code.group(2);
                for (String word : span.split("[\\s\"'`(),;=|]+")) {
                    String path = word.replaceAll("[.:]+$", "");
                    if (isCheckedPath(path) && !exists(root, page, path)) {
                        problems.add(name + " names " + path + ", which does not exist");
                    }
                }
            }
        }
        problems.forEach(System.out::println);
        System.out.println("Docs: " + pages.size() + " pages checked, " + problems.size() + " broken link(s) or path(s)");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static boolean isCheckedPath(String word) {
        if (word.isEmpty() || word.contains("...") || word.contains("*") || word.contains("{") || word.contains("<")
                || word.contains("$") || word.contains("://") || word.contains("/target/") || word.startsWith("target/")) {
            return false;
        }
        String first = word.substring(0, Math.max(0, word.indexOf('/')));
        return TOP_LEVEL.contains(first) || word.endsWith(".md");
    }

    /** Relative to the repository, or (a Markdown file, a link) to the page's own folder. */
    private static boolean exists(Path root, Path page, String path) {
        return Files.exists(root.resolve(path)) || Files.exists(page.getParent().resolve(path));
    }
}
