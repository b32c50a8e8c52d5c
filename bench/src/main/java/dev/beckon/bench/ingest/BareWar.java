package dev.beckon.bench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes bare.war (the two classes of the ceiling endpoint) so Payara Micro can deploy it next to Beckon. */
public final class BareWar {

    private BareWar() {
    }

    public static void main(String[] args) throws IOException {
        Path war = Path.of(args.length > 0 ? args[0] : "bench/target/bare.war");
        Files.createDirectories(war.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            // by name: loading the classes here would need the JAX-RS API, which only the server has
            for (String type : List.of("dev.beckon.bench.ingest.bare.BareApplication",
                    "dev.beckon.bench.ingest.bare.BareWebhookResource")) {
                String name = type.replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream in = BareWar.class.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        System.out.println(war.toAbsolutePath());
    }
}
