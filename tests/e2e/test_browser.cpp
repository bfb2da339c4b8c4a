// The HTML report in a real browser: headless Chromium (Debian's `chromium`, or $CHROMIUM) loads
// the page made from the examples, with no network; the DOM must hold the charts, the heatmaps
// and the comments the page's script renders, the console must stay silent (an invalid SVG
// attribute or a script error would be logged there), a filter must narrow the comments, hostile
// comments must stay text, and the screenshot must be written. Without Chromium this test fails:
// it is never skipped.
#include <doctest/doctest.h>

#include <fstream>

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

  // Self-contained: nothing to fetch; one script, with its data in a JSON element.
  const std::string html = slurp(page);
  CHECK(count(html, "src=") == 0);
  CHECK(count(html, "href=") == 0);
  CHECK(count(html, "url(") == 0);
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "<script type=\"application/json\" id=\"verbatim-data\">") == 1);
  CHECK(count(html, "fetch(") == 0);
  CHECK(count(html, "XMLHttpRequest") == 0);

  const fs::path dom = scratch() / "dom.html";
  const std::string log = run_chromium(page, "--dump-dom", dom);
  const std::string rendered = slurp(dom);
  CHECK(count(rendered, "<svg") == 4 + count(rendered, "class=\"chart multiple\""));
  CHECK(count(rendered, "class=\"chart multiple\"") >= 5);  // themes over time
  CHECK(count(rendered, "<table class=\"heat\">") == 2);    // channel x month, themes x channel
  CHECK(count(rendered, "data-init-ms=") == 1);             // the comments' script ran
  CHECK(count(rendered, "<bdi dir=\"auto\">") == 50);       // the first page of comments
  CHECK(count(rendered, "<mark class=\"") >= 50);           // their theme's words
  CHECK(count(rendered, "id=\"v-more\" type=\"button\">") == 1);  // more to show
  CHECK(count(rendered, "class=\"chart trend\"") == 1);
  CHECK(count(rendered, "class=\"band\"") == 1);           // the NPS interval band
  CHECK(count(rendered, "class=\"chart bars\"") == 1);     // themes by impact
  CHECK(count(rendered, "class=\"bubble\"") >= 5);         // volume vs sentiment
  CHECK(count(rendered, "class=\"chart stacked\"") == 1);  // band mix
  CHECK(count(rendered, "<mark>") >= 5);                   // highlighted comments
  CAPTURE(log);
  CHECK(count(log, ":CONSOLE") == 0);

  // A filter: the detractors' comments only, applied by the page's own script.
  const fs::path filtered = scratch() / "filtered.html";
  {
    std::string probe = html;
    probe.replace(probe.rfind("</body>"), 7,
                  "<script>var b = document.getElementById('v-band'); b.value = '2'; "
                  "b.dispatchEvent(new Event('change'));</script></body>");
    std::ofstream(filtered) << probe;
  }
  const std::string filter_log = run_chromium(filtered, "--dump-dom", dom);
  const std::string after = slurp(dom);
  CAPTURE(filter_log);
  CHECK(count(filter_log, ":CONSOLE") == 0);
  const std::size_t items = count(after, "<bdi dir=\"auto\">");
  CHECK(items > 0);
  CHECK(count(after, "detractor") >= items);  // each meta line names the band
  CHECK(count(after, " · promoter") == 0);
  CHECK(count(after, " · passive") == 0);

  const fs::path png = scratch() / "report.png";
  fs::remove(png);
  run_chromium(page, "--screenshot=" + png.string() + " --window-size=1200,4000",
               scratch() / "screenshot.out");
  REQUIRE(fs::exists(png));
  CHECK(fs::file_size(png) > 50000);
  CHECK(slurp(png).substr(1, 3) == "PNG");
}

TEST_CASE("hostile comments stay text in the HTML report's comments, in headless Chromium") {
  REQUIRE(!chromium().empty());
  const fs::path csv = scratch() / "hostile.csv";
  std::ofstream(csv)
      << "id,date,score,store,comment\n"
         "1,2026-01-05,2,\"Mi</script><script>document.title='pwned'</script>\",\"The delivery "
         "was late </script><img src=x onerror=\"\"document.title='pwned'\"\"> awful\"\n"
         "2,2026-01-06,3,Roma,\"\u202Eyreviled\u202C the delivery was late, \"\"quoted\"\" "
         "&amp; <b>bold</b>\"\n"
         "3,2026-02-01,9,Roma,Great delivery and friendly staff\n";
  const std::string db = fresh_db("hostile-browser.db");
  REQUIRE(run_cli("analyze " + csv.string() + " --db " + db).code <= 1);
  const fs::path page = scratch() / "hostile.html";
  REQUIRE(
      run_cli("report --db " + db + " --segment store --min-n 1 --html " + page.string()).code ==
      0);
  const std::string html = slurp(page);
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "</script>") == 2);
  const fs::path dom = scratch() / "hostile-dom.html";
  const std::string log = run_chromium(page, "--dump-dom", dom);
  const std::string rendered = slurp(dom);
  CAPTURE(log);
  CHECK(count(log, ":CONSOLE") == 0);
  CHECK(count(rendered, "pwned</title>") == 0);
  CHECK(count(rendered, "<img") == 0);
  CHECK(count(rendered, "<b>bold") == 0);
  CHECK(count(rendered, "&lt;/script&gt;&lt;img src=x") >= 1);  // shown as text
  CHECK(count(rendered, "&lt;b&gt;bold&lt;/b&gt;") >= 1);
}
