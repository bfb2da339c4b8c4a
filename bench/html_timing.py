#!/usr/bin/env python3
"""How fast the HTML report's page is in headless Chromium: loads `ascolto report --html` of DB,
then applies the comment filters one after another (band, segment value, period, a word, another
theme) and prints the page's own timings in milliseconds (performance.now in the page).
  bench/html_timing.py DB [--segment store] [--bin build/ascolto] [--runs 3]"""
import argparse, json, os, re, subprocess, sys, tempfile, time

PROBE = r"""<script>
(function () {
  var r = {init_ms: Number(document.getElementById('verbatims').getAttribute('data-init-ms'))};
  function change(id, value, event) {
    var t = performance.now(), e = document.getElementById(id);
    e.value = value;
    e.dispatchEvent(new Event(event || 'change'));
    return Number((performance.now() - t).toFixed(1));
  }
  r.filter_word_ms = change('v-q', 'il', 'input');
  r.filter_band_ms = change('v-band', '2');
  r.filter_segment_ms = change('v-value', '1');
  r.filter_period_ms = change('v-period', '0');
  r.count = document.getElementById('v-count').textContent;
  r.other_theme_ms = change('v-theme', String(document.getElementById('v-theme').options.length - 1));
  window.addEventListener('load', function () {
    setTimeout(function () {
      var n = performance.getEntriesByType('navigation')[0];
      r.dom_content_loaded_ms = Math.round(n.domContentLoadedEventEnd);
      r.load_ms = Math.round(n.loadEventEnd);
      performance.getEntriesByType('paint').forEach(function (p) { r[p.name + '_ms'] = Math.round(p.startTime); });
      r.comments = JSON.parse(document.getElementById('verbatim-data').textContent).comments.length;
      document.body.setAttribute('data-timing', JSON.stringify(r));
    }, 0);
  });
})();
</script>"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--segment", default="store")
    ap.add_argument("--bin", default="build/ascolto")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ascolto-html-")
    page = os.path.join(tmp, "report.html")
    t = time.time()
    subprocess.run([a.bin, "report", "--db", a.db, "--segment", a.segment, "--html", page],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"report --html: {time.time() - t:.1f} s, page {os.path.getsize(page) / 1e6:.1f} MB")
    html = open(page, encoding="utf-8").read()
    probe = os.path.join(tmp, "probe.html")
    open(probe, "w", encoding="utf-8").write(html.replace("</body>", PROBE + "</body>", 1))
    for run in range(a.runs):
        t = time.time()
        out = subprocess.run(
            ["timeout", "300", os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox",
             "--disable-gpu", "--user-data-dir=" + os.path.join(tmp, "profile"),
             "--virtual-time-budget=10000", "--dump-dom", "file://" + probe],
            capture_output=True, text=True)
        wall = time.time() - t
        m = re.search(r'data-timing="([^"]*)"', out.stdout)
        if not m:
            sys.exit("no timing in the page: " + out.stderr[-2000:])
        timing = json.loads(m.group(1).replace("&quot;", '"'))
        print(f"run {run + 1}: chromium wall {wall:.1f} s; " + json.dumps(timing))
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
