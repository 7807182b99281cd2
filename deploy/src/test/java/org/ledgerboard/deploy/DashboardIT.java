package org.ledgerboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.merkle.MerkleTree;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public dashboard in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver (both
 * installed by {@code .ci/run}; nothing is downloaded), against the local runtime with the founding demo played
 * ({@code deploy/ledgerboard up --demo}). Screenshots go to {@code target/dashboard-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final String C = "sovereign-ai-2025";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static LocalRuntime runtime;
    private static ChromeDriver browser;

    @BeforeAll
    static void upWithTheDemoAndABrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (.ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").isExecutable();
        runtime = new LocalRuntime("dashboard-home");
        LocalRuntime.Run demo = runtime.ledgerboard("up", "--demo");
        assertThat(demo.exit()).as(demo.output()).isZero();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1280,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void down() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.ledgerboard("down");
        }
    }

    private static String page(String path) {
        return runtime.url("PROJECTIONS") + path;
    }

    /** A wait that looks again when the page re-rendered what it was reading (the live page does, in place). */
    private static WebDriverWait within(Duration time) {
        WebDriverWait wait = new WebDriverWait(browser, time, Duration.ofMillis(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the competition's page and waits until the browser has checked the ledger's proofs, and they held. */
    private static void openTheCompetition() {
        browser.get(page("/c/" + C));
        within(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("ledger-check"), "✓ all"));
    }

    /** The page's verdict in the element once it has one: a text starting with ✓ or ✗. */
    private static String verdictIn(By element) {
        return within(Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(element).getText();
            return text.startsWith("✓") || text.startsWith("✗") ? text : null;
        });
    }

    private static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", "dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static By row(String tableCaption, String teamId) {
        return By.xpath("//table[caption[starts-with(., '" + tableCaption + "')]]/tbody/tr[th[contains(., '("
                + teamId + ")')]]");
    }

    /** What the page shows in the element, read again should the live page re-render it meanwhile. */
    private static String text(By element) {
        return within(Duration.ofSeconds(5)).until(d -> d.findElement(element).getText());
    }

    private static String attribute(By element, String name) {
        return within(Duration.ofSeconds(5)).until(d -> d.findElement(element).getAttribute(name));
    }

    @Test
    @Order(1)
    void theFrontPageListsTheCompetitionsWithLinksToThem() throws Exception {
        browser.get(page("/"));

        WebElement link = within(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href='/c/" + C + "']")));

        assertThat(link.getText()).isEqualTo("독자 AI 파운데이션 모델 프로젝트");
        assertThat(link.findElement(By.tagName("span")).getAttribute("lang")).isEqualTo("ko");
        screenshot("front-page");
    }

    @Test
    @Order(2)
    void theDemoShowsItsFiveTeamsWithNcAiEliminatedAndItsFundingRevoked() throws Exception {
        openTheCompetition();

        List<WebElement> teams = within(Duration.ofSeconds(5))
                .until(d -> d.findElements(By.xpath("//table[caption='Teams']/tbody/tr")));
        assertThat(teams).hasSize(5);
        assertThat(text(row("Teams", "nc-ai"))).contains("eliminated in round 1");
        assertThat(text(row("Teams", "upstage"))).contains("active");
        assertThat(text(By.xpath("//table[caption='Teams']//th//span[@lang='ko' and contains(., 'NC AI')]")))
                .isEqualTo("엔씨에이아이(NC AI)");
        assertThat(text(row("Round 1", "lg-ai-research"))).startsWith("1").contains("85.65", "87.00");
        assertThat(text(row("GPU_HOURS", "nc-ai"))).contains("150,000", "50,000", "100,000", "on elimination in round 1");
        String elimination = attribute(By.linkText("on elimination in round 1"), "href");
        String eventId = elimination.substring(elimination.indexOf("#e-") + 3);
        assertThat(text(By.id("e-" + eventId))).contains("TeamEliminated", "nc-ai");
        assertThat(text(By.id("signature"))).contains("signature valid");
        assertThat(text(By.id("rules-round-1"))).contains("benchmark × 0.40");
        screenshot("competition");
    }

    @Test
    @Order(3)
    void aDisbursementPostedOverRestAppearsOnTheOpenPageWithinTwoSecondsWithoutAReload() throws Exception {
        openTheCompetition();
        within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "up to date"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        assertThat(text(row("GPU_HOURS", "upstage"))).contains("50,000");

        JsonNode receipt = disburse("gpu-upstage", "1000");
        long answered = System.nanoTime();
        within(Duration.ofSeconds(2)).until(d -> d.findElement(row("GPU_HOURS", "upstage")).getText().contains("51,000"));
        long shownMillis = (System.nanoTime() - answered) / 1_000_000;

        System.out.printf("dashboard: the disbursement showed %d ms after its command answered%n", shownMillis);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;")).isEqualTo(true);
        assertThat(text(By.id("e-" + receipt.get("eventId").asText()))).contains("FundingDisbursed", "1,000");
    }

    @Test
    @Order(4)
    void aRealReceiptVerifiesInTheBrowserAndAnAlteredOneFails() throws Exception {
        JsonNode receipt = disburse("gpu-naver-cloud", "10");
        openTheCompetition();
        String real = receipt.toString();
        String hash = receipt.get("hash").asText();
        String altered = real.replace(hash, (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1));

        // A receipt is in the signed tree once the next checkpoint is signed (within seconds).
        within(Duration.ofSeconds(15)).until(d -> verify(real).startsWith("✓"));
        assertThat(verify(real)).contains("included at position").contains("of the signed tree");
        assertThat(verify(altered)).startsWith("✗").contains("not verified");
    }

    private static String verify(String pasted) {
        WebElement box = browser.findElement(By.id("receipt"));
        box.clear();
        box.sendKeys(pasted);
        browser.findElement(By.cssSelector("#receipt-form button[type=submit]")).click();
        return verdictIn(By.id("receipt-result"));
    }

    @Test
    @Order(5)
    void aCheckpointWithAForgedSignatureShowsAsFailed() throws Exception {
        openTheCompetition();
        // The server is made to lie: its latest checkpoint comes with a root it never signed.
        ((JavascriptExecutor) browser).executeScript("""
                const real = window.fetch;
                window.fetch = async (url, options) => {
                  const response = await real(url, options);
                  if (!String(url).endsWith('/checkpoints/latest')) return response;
                  const checkpoint = await response.json();
                  checkpoint.rootHash = checkpoint.rootHash.replace(/^./, c => (c === '0' ? '1' : '0'));
                  return new Response(JSON.stringify(checkpoint), { headers: { 'Content-Type': 'application/json' } });
                };""");

        browser.findElement(By.id("check-again")).click();

        within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signature"),
                "INVALID"));
        screenshot("forged-checkpoint");
    }

    @Test
    @Order(6)
    void anEarlierCheckpointIsShownConsistentWithTheLatest() {
        openTheCompetition();
        Select checkpoints = new Select(browser.findElement(By.id("as-of")));
        // A new checkpoint may replace the options while they are read: the wait retries on a stale one.
        within(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> options = checkpoints.getOptions();
            if (options.size() < 2) return false;
            options.get(options.size() - 1).click(); // the earliest listed
            return true;
        });

        String result = verdictIn(By.id("as-of-result"));
        assertThat(result).startsWith("✓").contains("extends it");
        assertThat(text(By.id("history-note"))).startsWith("As of the checkpoint of");
    }

    @Test
    @Order(7)
    void atPhoneWidthNothingOverflowsAndTheKeyboardReachesTheSkipLinkFirst() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            openTheCompetition();
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            screenshot("phone");

            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);

            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to standings");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1800));
        }
    }

    @Test
    @Order(8)
    void everyTextOnThePageMeetsWcagAaContrast() {
        openTheCompetition();

        // WCAG 2.x contrast of each text's colour against the first opaque background behind it: 4.5:1, or 3:1 for
        // large text (24 px, or 18.66 px bold).
        Object failures = ((JavascriptExecutor) browser).executeScript("""
                const rgb = c => c.match(/[\\d.]+/g).map(Number);
                const luminance = c => {
                  const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)
                    .map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                const background = e => {
                  for (; e; e = e.parentElement) {
                    const c = getComputedStyle(e).backgroundColor;
                    if (rgb(c).length === 3 || rgb(c)[3] > 0) return c;
                  }
                  return 'rgb(255, 255, 255)';
                };
                const failures = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const e = n.parentElement;
                  if (!n.textContent.trim() || e.closest('[hidden]') || e.getClientRects().length === 0) continue;
                  const style = getComputedStyle(e);
                  const colour = e instanceof SVGElement ? style.fill : style.color;
                  const [a, b] = [luminance(colour), luminance(background(e))];
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  const size = parseFloat(style.fontSize);
                  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
                  if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)} ${colour} "${n.textContent.trim().slice(0, 30)}"`);
                }
                return failures;""");

        assertThat((List<?>) failures).isEmpty();
    }

    @Test
    @Order(9)
    void theBrowsersProofCodeAgreesWithTheJavaTreeOnEveryProofOfTreesUpTo33Leaves() {
        browser.get(page("/"));
        MerkleTree tree = new MerkleTree();
        List<Map<String, Object>> trees = new ArrayList<>();
        for (int n = 1; n <= 33; n++) {
            tree.appendEntry(Hashes.sha256(Integer.toString(n).getBytes(StandardCharsets.UTF_8)));
            List<List<String>> inclusions = new ArrayList<>();
            List<List<String>> consistencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                inclusions.add(hex(tree.inclusionProof(i, n)));
                consistencies.add(hex(tree.consistencyProof(i + 1, n)));
            }
            List<String> entries = new ArrayList<>();
            List<String> roots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                entries.add(Hashes.hex(Hashes.sha256(Integer.toString(i + 1).getBytes(StandardCharsets.UTF_8))));
                roots.add(Hashes.hex(tree.rootHash(i + 1)));
            }
            trees.add(Map.of("n", n, "entries", entries, "roots", roots, "inclusions", inclusions,
                    "consistencies", consistencies));
        }

        // Every proof the Java tree gives verifies in the browser, and none does with one byte of it changed.
        Object failures = ((JavascriptExecutor) browser).executeAsyncScript("""
                const [trees, done] = arguments;
                (async () => {
                  const p = await import('/dashboard/proofs.js');
                  const bytes = p.hexToBytes;
                  const altered = h => (h[0] === '0' ? '1' : '0') + h.slice(1);
                  const failures = [];
                  for (const t of trees) {
                    const root = bytes(t.roots[t.n - 1]);
                    if (p.bytesToHex(await p.treeRoot(t.entries.map(bytes))) !== t.roots[t.n - 1]) failures.push('root ' + t.n);
                    for (let i = 0; i < t.n; i++) {
                      const leaf = await p.leafHash(bytes(t.entries[i]));
                      const path = t.inclusions[i].map(bytes);
                      if (!await p.inclusionHolds(leaf, i, t.n, path, root)) failures.push(`inclusion ${i} of ${t.n}`);
                      if (path.length && await p.inclusionHolds(leaf, i, t.n, t.inclusions[i].map(altered).map(bytes), root))
                        failures.push(`altered inclusion ${i} of ${t.n}`);
                      if (t.n > 1 && await p.inclusionHolds(leaf, (i + 1) % t.n, t.n, path, root)) failures.push(`moved leaf ${i} of ${t.n}`);
                      const m = i + 1;
                      const proof = t.consistencies[i].map(bytes);
                      if (!await p.consistencyHolds(m, t.n, bytes(t.roots[m - 1]), root, proof)) failures.push(`consistency ${m} to ${t.n}`);
                      if (m < t.n && await p.consistencyHolds(m, t.n, bytes(altered(t.roots[m - 1])), root, proof))
                        failures.push(`altered consistency ${m} to ${t.n}`);
                    }
                  }
                  return failures;
                })().then(done, e => done(['error: ' + e]));""", trees);

        assertThat((List<?>) failures).isEmpty();
    }

    @Test
    @Order(10)
    void theBrowsersRfc8785TextIsTheJavaCanonicalText() throws Exception {
        browser.get(page("/"));
        // RFC 8785's own examples (names sorted by UTF-16 units, escapes, numbers) and the shapes records take.
        List<String> values = List.of(
                "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                        + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}",
                "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                        + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}",
                "{\"data\":{\"amount\":\"150000\",\"name\":\"엔씨에이아이(NC AI)\",\"round\":1,\"n\":9007199254740991},"
                        + "\"b\":[],\"a\":{}}");
        ObjectMapper json = new ObjectMapper();
        for (String value : values) {
            String java = new String(Canonical.bytes(json.readTree(value)), StandardCharsets.UTF_8);
            Object js = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const [text, done] = arguments;
                    import('/dashboard/proofs.js').then(p => done(p.canonical(JSON.parse(text))), e => done('error: ' + e));""",
                    value);
            assertThat(js).as(value).isEqualTo(java);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    /** Posts a disbursement as the demo's organiser; returns the command's receipt. */
    private static JsonNode disburse(String grantId, String amount) throws Exception {
        String token = runtime.quietly("token", "--role", "organiser", "--subject", "msit-nipa").output().trim();
        HttpRequest request = HttpRequest.newBuilder(URI.create(runtime.url("TEAM") + "/competitions/" + C
                        + "/grants/" + grantId + "/disbursements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body());
    }
}
