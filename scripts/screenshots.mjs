// Screenshots of the demo page's main screens, for reviewing the design: 375 px (a phone) and
// 1280 px wide, light and dark, full page, into ./screenshots/ (git-ignored). A modal dialog is
// shot as the window shows it: a full-page shot would draw the dialog and its backdrop over the
// first window-full of the page only.
//
//   npm run screenshots        (or: node scripts/screenshots.mjs)
//
// Needs the release build in www/pkg (npm run build) and Debian's Chromium (/usr/bin/chromium),
// started as the end-to-end tests start it (scripts/browser.mjs), so it makes no connection of its
// own. The screens are reached by clicking the widget's own buttons from script.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  act,
  click,
  closeDialog,
  CRYPTO_WAIT_MS,
  launchChromium,
  loadDemo,
  openDialog,
  openWidgetPage,
  PKG,
  poll,
  revealFeelings,
  shows,
  type,
  waitForHeading,
} from "./browser.mjs";
import { serve } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "screenshots");
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];
const SCHEMES = ["light", "dark"];
/** The whole run gives up after this long. */
const DEADLINE_MS = 90_000;
const PASSPHRASE = "quiet river in the morning";
/** Our own file names, so that only our old screenshots are removed. */
const OURS = /^\d+-(light|dark)-\d\d-[a-z0-9-]+\.png$/;

/** Presses "next" until the screen shows the question `questionId` (or the heading `title`). */
async function forwardTo(page, { questionId, title }) {
  for (let steps = 0; steps < 20; steps++) {
    const here = await page.evaluate(
      ([questionId, title]) =>
        questionId
          ? Boolean(__ew.$(`[id$="-q-${questionId}"]`))
          : __ew.$(".ew-screen h2.ew-heading")?.textContent === title,
      [questionId ?? null, title ?? null],
    );
    if (here) return;
    await act(page, "next");
  }
  throw new Error(`never reached ${questionId ?? title}`);
}

/** Goes through the screens in one page, calling `shoot(number, name, options)` on each. */
async function tour(page, origin, shoot) {
  await loadDemo(page, origin);
  await shoot(1, "intro");

  await act(page, "start");
  await shoot(2, "section");

  // Feelings: "Something else" and "Anger" reveal a text box and a question; the scale is set.
  await forwardTo(page, { questionId: "feelings" });
  await revealFeelings(page, "That it was decided for me.");
  await shoot(3, "section-follow-up");

  await forwardTo(page, { questionId: "proud-of" });
  await type(page, '[id$="-q-proud-of-input"]', "Asking for help when I needed it");
  await forwardTo(page, { questionId: "how-hard-now" });
  await click(page, '[id$="-q-how-hard-now-option-9"]');
  await shows(page, ".ew-support-inline");
  await shoot(4, "check-in-support");

  await forwardTo(page, { title: "Check your answers" });
  await shoot(5, "review");
  await act(page, "summary");
  await shoot(6, "summary");

  await openDialog(page, '.ew-topbar [data-ew-action="support"]');
  await shoot(7, "support-dialog", { dialog: true });
  await closeDialog(page);

  await openDialog(page, '.ew-savebar [data-ew-action="save"]');
  await shoot(8, "save-dialog", { dialog: true });

  // Save for real, then reload: the draft waits behind its passphrase.
  await type(page, 'dialog input[name="passphrase"]', PASSPHRASE);
  await type(page, 'dialog input[name="confirmation"]', PASSPHRASE);
  await click(page, 'dialog button[type="submit"]');
  await poll(
    page,
    () => __ew.$(".ew-save-status")?.textContent.startsWith("Saved on this device"),
    null,
    "the answers to be saved",
    CRYPTO_WAIT_MS,
  );
  await page.reload({ waitUntil: "load" });
  await waitForHeading(page, "Answers saved on this device");
  await shoot(9, "welcome-back");
}

/**
 * The configuration page, as a practice manager sets up a clinic: the clinic's name, a contact,
 * the quick-exit address, two questions left out and one reworded in English and Spanish, a
 * mistake and its message, the code, and the preview at a phone's width. Window-sized shots.
 */
async function configureTour(page, origin, shoot) {
  const window = { dialog: true };
  await page.goto(`${origin}/configure/`);
  const clinic = page.getByLabel("Your clinic's name", { exact: true });
  await clinic.waitFor();
  await shoot(10, "configure-start", window);
  await clinic.fill("Riverside Counselling");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Riverside duty line");
  await page.getByLabel("Phone number", { exact: true }).fill("+44 20 7946 0018");
  await page.getByLabel("Opening hours", { exact: true }).fill("Monday to Friday, 9am to 5pm");
  await page.getByLabel("Opening hours in Spanish").fill("De lunes a viernes, de 9 a 17 h");
  await shoot(11, "configure-contact", window);
  const exit = page.getByLabel("Where “Leave this page” goes");
  await exit.fill("http://www.bbc.co.uk/news");
  await page.locator(".form-group--error").first().waitFor();
  await exit.scrollIntoViewIfNeeded();
  await shoot(12, "configure-mistake", window);
  await exit.fill("https://www.bbc.co.uk/news");
  for (const id of ["how-long-known", "right-time"]) {
    const question = page.locator(`details[data-question=${id}]`);
    await question.locator("summary").click();
    await question.getByLabel("Include this question").uncheck();
  }
  const reworded = page.locator("details[data-question=who-decided]");
  await reworded.locator("summary").click();
  await reworded.getByLabel("New wording in English").fill("Whose decision was it to finish?");
  await reworded
    .getByLabel("New wording in Spanish")
    .fill("¿De quién fue la decisión de terminar?");
  await reworded.scrollIntoViewIfNeeded();
  await shoot(13, "configure-questions", window);
  await page.locator("[data-role=snippet]").scrollIntoViewIfNeeded();
  await shoot(14, "configure-code", window);
  await page.getByLabel("Show at a phone's width").check();
  await page.locator("[data-role=preview]").scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  await shoot(15, "configure-preview", window);
}

async function main() {
  if (!existsSync(PKG)) {
    console.error("www/pkg is missing: run `npm run build` first, then `npm run screenshots`.");
    return 1;
  }
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) {
    if (OURS.test(name)) rmSync(join(OUT, name));
  }
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  const written = [];
  try {
    browser = await launchChromium();
    // One page per width and colour scheme, side by side.
    await Promise.all(
      WIDTHS.flatMap((viewport) =>
        SCHEMES.map(async (scheme) => {
          const { context, page, errors } = await openWidgetPage(browser, {
            viewport,
            colorScheme: scheme,
          });
          try {
            const shoot = async (number, name, { dialog = false } = {}) => {
              const file = `${viewport.width}-${scheme}-${String(number).padStart(2, "0")}-${name}.png`;
              // Two frames, so that a screen just rendered is painted.
              await page.evaluate(
                () =>
                  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
              );
              await page.screenshot({
                path: join(OUT, file),
                fullPage: !dialog,
                animations: "disabled",
                caret: "hide",
              });
              written.push(file);
            };
            await tour(page, origin, shoot);
            await configureTour(page, origin, shoot);
            if (errors.length) {
              throw new Error(errors.join("; "));
            }
          } catch (error) {
            error.message = `${viewport.width} px, ${scheme}: ${error.message}`;
            throw error;
          } finally {
            await context.close();
          }
        }),
      ),
    );
  } finally {
    await browser?.close();
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
  written.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  for (const file of written) console.log(`  ${file}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${written.length} screenshots in ${relative(process.cwd(), OUT) || "."}/ (${seconds} s)`,
  );
  return 0;
}

const timer = setTimeout(() => {
  console.error(`screenshots: gave up after ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS);
timer.unref();

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`screenshots failed: ${error.stack ?? error}`);
  process.exitCode = 1;
}
