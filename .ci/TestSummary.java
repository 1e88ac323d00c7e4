import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The test run's closing lines, from the Surefire and Failsafe XML reports (TEST-*.xml) under the given folders, and
 * the one .ci/lint-openapi writes in the same format (lint-reports): each
 * failed test with its message, each reason for a skip with how many tests it skipped, then one line
 * "Tests: N passed, N failed, N skipped". Exits 1 when a test failed or none ran.
 *
 *   java .ci/TestSummary.java [--since EPOCH_MILLIS] FOLDER...     (reports older than --since are left out)
 */
public class TestSummary {

    public static void main(String[] args) throws Exception {
        long since = 0;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--since")) {
                since = Long.parseLong(args[++i]);
            } else {
                folders.add(Path.of(args[i]));
            }
        }
        int passed = 0;
        List<String> failed = new ArrayList<>();
        Map<String, List<String>> skippedByReason = new TreeMap<>();
        for (Path report : reports(folders, since)) {
            NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                String name = test.getAttribute("classname") + "." + test.getAttribute("name");
                Element problem = first(test, "failure", "error");
                Element skipped = first(test, "skipped");
                if (problem != null) {
                    failed.add(name + ": " + firstLine(problem.getAttribute("message")));
                } else if (skipped != null) {
                    String reason = firstLine(skipped.getAttribute("message"));
                    skippedByReason.computeIfAbsent(reason.isEmpty() ? "(no reason given)" : reason, r -> new ArrayList<>()).add(name);
                } else {
                    passed++;
                }
            }
        }
        int skipped = 0;
        for (Map.Entry<String, List<String>> reason : skippedByReason.entrySet()) {
            skipped += reason.getValue().size();
            System.out.println("Skipped " + reason.getValue().size() + ": " + reason.getKey()
                    + " (" + reason.getValue().getFirst() + (reason.getValue().size() > 1 ? ", ..." : "") + ")");
        }
        failed.forEach(failure -> System.out.println("Failed: " + failure));
        if (passed + failed.size() == 0) {
            System.out.println("No test ran: no Surefire or Failsafe report under " + folders);
        }
        System.out.println("Tests: " + passed + " passed, " + failed.size() + " failed, " + skipped + " skipped");
        System.exit(failed.isEmpty() && passed > 0 ? 0 : 1);
    }

    private static List<Path> reports(List<Path> folders, long since) throws IOException {
        List<Path> reports = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                        .filter(file -> file.getParent().getFileName().toString().matches("(surefire|failsafe|lint)-reports"))
                        .filter(file -> file.toFile().lastModified() >= since)
                        .sorted()
                        .forEach(reports::add);
            }
        }
        return reports;
    }

    private static Element first(Element test, String... names) {
        for (String name : names) {
            NodeList found = test.getElementsByTagName(name);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
