package io.joystick.device.execution.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line through a real shell, for checking what a rendered template does. */
final class Shells {

    /** /bin/sh (what local runs use; dash on Debian), bash (the usual login shell of a device user) and dash. */
    static List<String> available() {
        return List.of("/bin/sh", "/bin/bash", "/bin/dash").stream().filter(shell -> Files.isExecutable(Path.of(shell)))
                .toList();
    }

    static String run(String shell, String command, Path workDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(shell, "-c", command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("shell did not finish: " + command);
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private Shells() {
    }
}
