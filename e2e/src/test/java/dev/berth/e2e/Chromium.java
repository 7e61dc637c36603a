package dev.berth.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium, headless: loads a page, lets its scripts run, and returns the resulting DOM. */
final class Chromium {

    private Chromium() {
    }

    /**
     * The DOM after {@code scriptMillis} of the page's (virtual) time: Chromium fast-forwards timers but waits
     * for network answers, so a page that fetches and renders on load is rendered by then. The gateway's
     * certificate is self-signed, hence {@code --ignore-certificate-errors}; the background-networking flags
     * keep Chromium from calling out of this closed machine.
     */
    static String renderedDom(String url, int scriptMillis) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("berth-chromium");
        Path dom = Files.createTempFile("berth-dom", ".html");
        try {
            Process chromium = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--ignore-certificate-errors",
                    "--virtual-time-budget=" + scriptMillis, "--dump-dom", url))
                    .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
                chromium.destroyForcibly().waitFor();
                throw new IllegalStateException("chromium did not render " + url + " within 60 s");
            }
            return Files.readString(dom, StandardCharsets.UTF_8);
        } finally {
            Files.delete(dom);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
