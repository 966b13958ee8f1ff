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
  await waitForHeading(page, "Welcome back");
  await shoot(9, "welcome-back");
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
            await tour(page, origin, async (number, name, { dialog = false } = {}) => {
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
            });
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
