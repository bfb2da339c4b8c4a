// The HTML report in a real browser: headless Chromium (Debian's `chromium`, or $CHROMIUM) loads
// the page made from the examples, with no network; the DOM must hold the charts, the console
// must stay silent (an invalid SVG attribute or a script error would be logged there), and the
// screenshot must be written. Without Chromium this test fails: it is never skipped.
#include <doctest/doctest.h>

#include "cli.h"

using namespace ascolto::testing;

namespace {

std::string chromium() {
  const std::string named = env_or("CHROMIUM", "");
  if (!named.empty()) return named;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(candidate)) return candidate;
  }
  return "";
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Runs Chromium headless on `page` with `args`; returns its stderr log.
std::string run_chromium(const fs::path& page, const std::string& args, const fs::path& out) {
  const fs::path log = scratch() / "chromium.log";
  const std::string cmd = "timeout 120 " + chromium() +
                          " --headless --no-sandbox --disable-gpu --hide-scrollbars"
                          " --user-data-dir=" +
                          (scratch() / "chromium-profile").string() +
                          " --enable-logging=stderr --v=0 " + args + " file://" + page.string() +
                          " >" + out.string() + " 2>" + log.string();
  CHECK(std::system(cmd.c_str()) == 0);
  return slurp(log);
}

}  // namespace

TEST_CASE("the HTML report renders in headless Chromium with its charts and no console error") {
  REQUIRE_MESSAGE(!chromium().empty(),
                  "Chromium not found: install Debian's chromium (scripts/setup.sh does) or set "
                  "CHROMIUM");
  const std::string db = fresh_db("browser.db");
  REQUIRE(run_cli("analyze " + examples("survey-it.csv") + " " + examples("survey-en.csv") + " " +
                  examples("survey-mixed.csv") + " " + examples("qualtrics-export.csv") + " --db " +
                  db)
              .code <= 1);
  const fs::path page = scratch() / "report.html";
  REQUIRE(run_cli("report --db " + db + " --segment channel --html " + page.string()).code == 0);

  // Self-contained: nothing to fetch, nothing to run.
  const std::string html = slurp(page);
  CHECK(count(html, "src=") == 0);
  CHECK(count(html, "href=") == 0);
  CHECK(count(html, "url(") == 0);
  CHECK(count(html, "<script") == 0);

  const fs::path dom = scratch() / "dom.html";
  const std::string log = run_chromium(page, "--dump-dom", dom);
  const std::string rendered = slurp(dom);
  CHECK(count(rendered, "<svg") == 4);
  CHECK(count(rendered, "class=\"chart trend\"") == 1);
  CHECK(count(rendered, "class=\"band\"") == 1);           // the NPS interval band
  CHECK(count(rendered, "class=\"chart bars\"") == 1);     // themes by impact
  CHECK(count(rendered, "class=\"bubble\"") >= 5);         // volume vs sentiment
  CHECK(count(rendered, "class=\"chart stacked\"") == 1);  // band mix
  CHECK(count(rendered, "<mark>") >= 5);                   // highlighted comments
  CAPTURE(log);
  CHECK(count(log, ":CONSOLE") == 0);

  const fs::path png = scratch() / "report.png";
  fs::remove(png);
  run_chromium(page, "--screenshot=" + png.string() + " --window-size=1200,4000",
               scratch() / "screenshot.out");
  REQUIRE(fs::exists(png));
  CHECK(fs::file_size(png) > 50000);
  CHECK(slurp(png).substr(1, 3) == "PNG");
}
