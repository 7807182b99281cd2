package org.ledgerboard.projections.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The public dashboard's pages: {@code /} (the list, served as a static file) and {@code /c/{competitionId}}, one page
 * for every competition, which reads the id from its address. Assets are under {@code /dashboard/}; nothing is
 * loaded from another host (the Content-Security-Policy in application.properties says so to the browser).
 */
@Path("/c/{competitionId}")
public class DashboardPages {
    private static final byte[] COMPETITION_PAGE = resource("META-INF/resources/dashboard/competition.html");

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public byte[] competition() {
        return COMPETITION_PAGE;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
