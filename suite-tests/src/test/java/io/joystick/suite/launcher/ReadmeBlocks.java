package io.joystick.suite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell blocks of the repository's Markdown (the root README, every module's README, docs/): each fenced
 * block whose info string is {@code bash} is run, as pasted, against the suite {@code ./joystick up} started, from
 * the repository's root, with {@code PASSWORD} (the admin's) and {@code JOYSTICK_DATA_DIR} set. A block that
 * cannot run here (Docker, a real device, a build, a service started in the foreground) says so in its info
 * string: {@code ```bash no-run}. Every {@code curl} in a run block must succeed ({@code --fail-with-body}),
 * unless it asks for the status itself with {@code -w}.
 */
final class ReadmeBlocks {

    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)(.*)$");
    static final String PRELUDE = """
            set -euo pipefail
            curl() {
              case " $* " in
                *" -w "*) command curl "$@" ;;
                *) command curl -sS --fail-with-body "$@" ;;
              esac
            }
            """;

    record Block(Path file, int line, String language, String tags, String text) {

        boolean runs() {
            return language.equals("bash") && !tags.contains("no-run");
        }

        String where() {
            return file + ":" + line;
        }
    }

    private ReadmeBlocks() {
    }

    static List<Block> in(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> modules = Files.list(root); Stream<Path> docs = Files.list(root.resolve("docs"))) {
            modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(files::add);
            docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            blocks.addAll(of(file));
        }
        return blocks;
    }

    static List<Block> of(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(file, start, fence.group(1), fence.group(2).strip(), text.toString()));
        }
        return blocks;
    }
}
