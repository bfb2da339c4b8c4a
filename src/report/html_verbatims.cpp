#include "report/html_verbatims.h"

#include "report/svg_charts.h"

namespace ascolto {

const char* const kVerbatimStyle = R"css(
.vfilters { display: flex; flex-wrap: wrap; gap: 0.4em 0.8em; align-items: center; margin: 0.6em 0; }
.vfilters label { font-size: 0.9em; }
ol.verbatims { list-style: none; padding: 0; }
ol.verbatims li { margin: 0 0 0.7em; padding: 0.3em 0.8em; border-left: 4px solid #ccc; }
ol.verbatims li.neg { border-color: #b2182b; } ol.verbatims li.pos { border-color: #2166ac; }
ol.verbatims .meta { color: #666; font-size: 0.85em; }
ol.verbatims bdi { unicode-bidi: isolate; white-space: pre-wrap; }
mark.neg { background: #fddbc7; } mark.pos { background: #d1e5f0; }
)css";

namespace {

struct Words {
  const char *title, *note, *theme, *sentiment, *any, *negative, *neutral, *positive, *band,
      *segment_any, *period_any, *search, *more, *count, *capped, *none, *promoter, *passive,
      *detractor;
};

const Words& words(const UiLabels& l) {
  static const Words en{"Comments by theme",
                        "Every comment of a theme, newest first; the theme's words are "
                        "highlighted, coloured by the mention's own sentiment.",
                        "Theme",
                        "Mention",
                        "all",
                        "negative",
                        "neutral",
                        "positive",
                        "Band",
                        "every segment",
                        "every period",
                        "Words",
                        "Show more",
                        "{n} comments",
                        "This theme has {all} mentions: the newest {shown} are in this page.",
                        "No comment matches.",
                        "promoter",
                        "passive",
                        "detractor"};
  static const Words it{"Commenti per tema",
                        "Tutti i commenti di un tema, dal più recente; le parole del tema sono "
                        "evidenziate, colorate secondo il sentiment della menzione.",
                        "Tema",
                        "Menzione",
                        "tutte",
                        "negativa",
                        "neutra",
                        "positiva",
                        "Fascia",
                        "ogni segmento",
                        "ogni periodo",
                        "Parole",
                        "Mostra altri",
                        "{n} commenti",
                        "Questo tema ha {all} menzioni: nella pagina ci sono le {shown} più "
                        "recenti.",
                        "Nessun commento corrisponde.",
                        "promotore",
                        "passivo",
                        "detrattore"};
  return l.lang == "it" ? it : en;
}

// Renders the page of comments; the data and labels come from the page itself.
constexpr const char* kScript = R"js(
(function () {
  'use strict';
  var t0 = performance.now();
  var root = document.getElementById('verbatims');
  var data = JSON.parse(document.getElementById('verbatim-data').textContent);
  var themes = data.themes, comments = data.comments, PAGE = 50;
  var word = function (k) { return root.getAttribute('data-' + k); };
  var $ = function (id) { return document.getElementById(id); };
  var list = $('v-list'), count = $('v-count'), capped = $('v-capped'), more = $('v-more');
  var family = function (t) { return themes[t][2] < 0 ? t : themes[t][2]; };
  var byFamily = {};
  function ofFamily(f) {
    if (!byFamily[f]) {
      var out = [];
      for (var i = 0; i < comments.length; i++) {
        var ms = comments[i][7];
        for (var k = 0; k < ms.length; k++) {
          if (family(ms[k][0]) === f) { out.push(i); break; }
        }
      }
      byFamily[f] = out;
    }
    return byFamily[f];
  }
  function fill(select, names, first) {
    var o = document.createElement('option');
    o.value = '-1'; o.textContent = first; select.appendChild(o);
    names.forEach(function (n, i) {
      var p = document.createElement('option');
      p.value = String(i); p.textContent = n; select.appendChild(p);
    });
  }
  themes.forEach(function (t, i) {
    var o = document.createElement('option');
    o.value = String(i);
    o.textContent = (t[2] < 0 ? '' : '\u2514 ') + t[1] + ' (' + t[3] + ')';
    $('v-theme').appendChild(o);
  });
  fill($('v-value'), data.values, word('segment-any'));
  fill($('v-period'), data.periods, word('period-any'));
  var matches = [], shown = 0, theme = 0;
  function relevant(m) { return themes[theme][2] < 0 ? family(m[0]) === theme : m[0] === theme; }
  function item(c) {
    var li = document.createElement('li'), sign = 0, at = 0, ms = c[7];
    var meta = document.createElement('div'), text = document.createElement('bdi');
    meta.className = 'meta';
    var bits = [c[0]];
    if (c[4] >= 0) bits.push(data.values[c[4]]);
    if (c[5]) bits.push(c[5]);
    if (c[2] >= 0) bits.push(word('band' + c[2]) + (c[3] === null ? '' : ' ' + c[3]));
    var who = document.createElement('bdi');
    who.textContent = bits.join(' \u00b7 ');
    meta.appendChild(who);
    text.setAttribute('dir', 'auto');
    for (var k = 0; k < ms.length; k++) {
      var m = ms[k];
      if (!relevant(m) || m[1] < at) continue;
      text.appendChild(document.createTextNode(c[6].slice(at, m[1])));
      var mark = document.createElement('mark');
      mark.className = m[3] < 0 ? 'neg' : m[3] > 0 ? 'pos' : '';
      mark.textContent = c[6].slice(m[1], m[2]);
      text.appendChild(mark);
      at = m[2];
      sign += m[3];
    }
    text.appendChild(document.createTextNode(c[6].slice(at)));
    li.className = sign < 0 ? 'neg' : sign > 0 ? 'pos' : '';
    li.appendChild(text);
    li.appendChild(meta);
    return li;
  }
  function page() {
    var frag = document.createDocumentFragment(), end = Math.min(shown + PAGE, matches.length);
    for (; shown < end; shown++) frag.appendChild(item(comments[matches[shown]]));
    list.appendChild(frag);
    more.hidden = shown >= matches.length;
  }
  function apply() {
    var t = performance.now();
    theme = Number($('v-theme').value);
    var sign = Number($('v-sign').value), band = Number($('v-band').value);
    var value = Number($('v-value').value), period = Number($('v-period').value);
    var q = $('v-q').value.trim().toLowerCase(), pool = ofFamily(family(theme));
    matches = [];
    for (var i = 0; i < pool.length; i++) {
      var c = comments[pool[i]];
      if ((band >= 0 && c[2] !== band) || (value >= 0 && c[4] !== value) ||
          (period >= 0 && c[1] !== period) || (q && c[6].toLowerCase().indexOf(q) < 0)) continue;
      var ms = c[7], ok = false;
      for (var k = 0; k < ms.length && !ok; k++) ok = relevant(ms[k]) && (sign === 2 || ms[k][3] === sign);
      if (ok) matches.push(pool[i]);
    }
    list.textContent = '';
    shown = 0;
    page();
    count.textContent = matches.length ? word('count').replace('{n}', matches.length) : word('none');
    var f = themes[family(theme)];
    capped.textContent = f[4] < f[3] ? word('capped').replace('{all}', f[3]).replace('{shown}', f[4]) : '';
    root.setAttribute('data-filter-ms', (performance.now() - t).toFixed(1));
  }
  ['v-theme', 'v-sign', 'v-band', 'v-value', 'v-period'].forEach(function (id) {
    $(id).addEventListener('change', apply);
  });
  $('v-q').addEventListener('input', apply);
  more.addEventListener('click', page);
  if (themes.length) apply();
  root.setAttribute('data-init-ms', (performance.now() - t0).toFixed(1));
})();
)js";

std::string attribute(const char* name, const std::string& value) {
  return std::string(" data-") + name + "=\"" + html_escape(value) + "\"";
}

std::string option(const char* value, const char* label) {
  return std::string("<option value=\"") + value + "\">" + html_escape(label) + "</option>";
}

}  // namespace

std::string verbatims_html(const Verbatims& v, const NpsReport& r, const UiLabels& l) {
  if (v.comments.empty()) return "";
  const Words& w = words(l);
  std::string html = "<h2>" + std::string(w.title) + "</h2>\n<p class=\"note\">" + w.note +
                     "</p>\n<div id=\"verbatims\"" + attribute("count", w.count) +
                     attribute("capped", w.capped) + attribute("none", w.none) +
                     attribute("segment-any", r.options.segment.empty()
                                                  ? std::string(w.segment_any)
                                                  : r.options.segment + ": " + w.segment_any) +
                     attribute("period-any", w.period_any) + attribute("band0", w.promoter) +
                     attribute("band1", w.passive) + attribute("band2", w.detractor) + ">\n";
  html += "<div class=\"vfilters\"><label>" + std::string(w.theme) +
          " <select id=\"v-theme\"></select></label><label>" + w.sentiment +
          " <select id=\"v-sign\">" + option("2", w.any) + option("-1", w.negative) +
          option("0", w.neutral) + option("1", w.positive) + "</select></label><label>" + w.band +
          " <select id=\"v-band\">" + option("-1", w.any) + option("0", w.promoter) +
          option("1", w.passive) + option("2", w.detractor) + "</select></label>" +
          "<label><select id=\"v-value\"" + (r.options.segment.empty() ? " hidden" : "") +
          "></select></label><label><select id=\"v-period\"></select></label><label>" + w.search +
          " <input id=\"v-q\" type=\"search\" size=\"14\"></label></div>\n" +
          "<p class=\"note\"><span id=\"v-count\"></span> <span id=\"v-capped\"></span></p>\n" +
          "<ol id=\"v-list\" class=\"verbatims\"></ol>\n<button id=\"v-more\" type=\"button\" "
          "hidden>" +
          w.more + "</button>\n</div>\n";
  html += "<script type=\"application/json\" id=\"verbatim-data\">" + verbatims_json(v, r, l) +
          "</script>\n<script>" + kScript + "</script>\n";
  return html;
}

}  // namespace ascolto
