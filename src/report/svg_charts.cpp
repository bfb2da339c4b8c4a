#include "report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ascolto {
namespace {

constexpr const char* kNegative = "#c0392b";
constexpr const char* kPositive = "#1e8449";
constexpr const char* kNeutral = "#b7b7b7";

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string whole(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

std::string open_svg(double width, double height, const std::string& title,
                     const std::string& css_class) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + css_class +
         "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" role=\"img\"><title>" +
         html_escape(title) + "</title>\n";
}

std::string text(double x, double y, const std::string& s, const char* anchor = "middle",
                 const char* css_class = "label") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" +
         css_class + "\">" + html_escape(s) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const char* css_class) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" class=\"" + css_class + "\"/>\n";
}

std::string rect(double x, double y, double w, double h, const char* fill,
                 const std::string& tooltip) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) +
         "\" height=\"" + num(std::max(h, 0.0)) + "\" fill=\"" + fill + "\"><title>" +
         html_escape(tooltip) + "</title></rect>\n";
}

// A linear scale from [lo, hi] to [a, b].
struct Scale {
  double lo, hi, a, b;
  double operator()(double v) const { return a + (v - lo) / (hi - lo) * (b - a); }
};

// Rounds a range outwards to multiples of `step`, keeping zero inside.
std::pair<double, double> nice_range(double lo, double hi, double step) {
  lo = std::floor(std::min(lo, 0.0) / step) * step;
  hi = std::ceil(std::max(hi, 0.0) / step) * step;
  if (hi - lo < step) hi = lo + step;
  return {lo, hi};
}

// The nice range covering every interval and zero.
std::pair<double, double> interval_range(const std::vector<IntervalPoint>& points, double step) {
  double lo = 0, hi = 0;
  for (const auto& p : points) {
    lo = std::min(lo, p.low);
    hi = std::max(hi, p.high);
  }
  return nice_range(lo, hi, step);
}

std::string value_axis(const Scale& y, double left, double right, double step) {
  std::string out;
  for (double v = y.lo; v <= y.hi + 1e-9; v += step) {
    out += line(left, y(v), right, y(v), v == 0 ? "axis zero" : "grid");
    out += text(left - 6, y(v) + 4, whole(v), "end");
  }
  return out;
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string trend_chart(const std::vector<IntervalPoint>& points, const std::string& title) {
  const double width = 720, height = 300, left = 48, right = 680, top = 16, bottom = 260;
  std::string svg = open_svg(width, height, title, "trend");
  if (points.empty()) return svg + "</svg>\n";
  const auto [y_lo, y_hi] = interval_range(points, 20);
  const Scale y{y_lo, y_hi, bottom, top};
  const double step =
      points.size() > 1 ? (right - left) / static_cast<double>(points.size() - 1) : 0;
  auto x = [&](std::size_t i) { return points.size() > 1 ? left + step * i : (left + right) / 2; };
  svg += value_axis(y, left, right, 20);
  // The 95% band: the upper bounds left to right, then the lower bounds back.
  std::string band = "<polygon class=\"band\" points=\"";
  for (std::size_t i = 0; i < points.size(); ++i)
    band += num(x(i)) + "," + num(y(points[i].high)) + " ";
  for (std::size_t i = points.size(); i-- > 0;)
    band += num(x(i)) + "," + num(y(points[i].low)) + " ";
  svg += band + "\"/>\n<polyline class=\"trend-line\" points=\"";
  for (std::size_t i = 0; i < points.size(); ++i)
    svg += num(x(i)) + "," + num(y(points[i].value)) + " ";
  svg += "\"/>\n";
  const std::size_t label_every = std::max<std::size_t>(1, points.size() / 12);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto& p = points[i];
    svg +=
        "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(y(p.value)) + "\" r=\"4\" class=\"" +
        (p.flagged ? "point flagged" : "point") + "\"><title>" +
        html_escape(p.label + ": " + num(p.value) + " [" + num(p.low) + ", " + num(p.high) + "]") +
        "</title></circle>\n";
    if (i % label_every == 0) svg += text(x(i), bottom + 20, p.label);
  }
  return svg + "</svg>\n";
}

std::string diverging_bars(const std::vector<IntervalPoint>& bars, const std::string& title) {
  const double row = 26, label_width = 220, left = label_width + 10, right = 700;
  const double height = 30 + row * static_cast<double>(bars.size());
  std::string svg = open_svg(720, height, title, "bars");
  const auto [x_lo, x_hi] = interval_range(bars, 5);
  const Scale x{x_lo, x_hi, left, right};
  for (double v = x_lo; v <= x_hi + 1e-9; v += 5) {
    svg += line(x(v), 4, x(v), height - 22, v == 0 ? "axis zero" : "grid");
    svg += text(x(v), height - 6, whole(v));
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double y = 8 + row * static_cast<double>(i);
    svg += text(label_width, y + 14, b.label + (b.flagged ? " *" : ""), "end");
    svg += rect(std::min(x(0), x(b.value)), y + 2, std::fabs(x(b.value) - x(0)), row - 10,
                b.value < 0 ? kNegative : kPositive,
                b.label + ": " + num(b.value) + " [" + num(b.low) + ", " + num(b.high) + "]");
    svg += line(x(b.low), y + 10, x(b.high), y + 10, "whisker");
  }
  return svg + "</svg>\n";
}

std::string quadrant_scatter(const std::vector<ScatterPoint>& points, const std::string& title,
                             const std::string& x_label, const std::string& y_label) {
  const double left = 56, right = 690, top = 40, bottom = 400;
  std::string svg = open_svg(720, 440, title, "scatter");
  double x_max = 10, size_max = 1;
  for (const auto& p : points) {
    x_max = std::max(x_max, p.x);
    size_max = std::max(size_max, p.size);
  }
  x_max = std::ceil(x_max / 10) * 10;
  const Scale x{0, x_max, left, right};
  const Scale y{-100, 100, bottom, top};
  svg += value_axis(y, left, right, 50);
  for (double v = 0; v <= x_max + 1e-9; v += 10) svg += text(x(v), bottom + 16, whole(v));
  // The quadrants: frequent vs rare (half the largest volume), liked vs disliked (zero).
  svg += line(x(x_max / 2), top, x(x_max / 2), bottom, "axis quadrant");
  svg += text((left + right) / 2, bottom + 34, x_label);
  svg += "<text x=\"14\" y=\"" + num((top + bottom) / 2) +
         "\" text-anchor=\"middle\" class=\"label\" transform=\"rotate(-90 14 " +
         num((top + bottom) / 2) + ")\">" + html_escape(y_label) + "</text>\n";
  for (const auto& p : points) {
    const double radius = 4 + 14 * std::sqrt(p.size / size_max);
    const char* fill = p.colour_value < 0 ? kNegative : p.colour_value > 0 ? kPositive : kNeutral;
    svg += "<circle cx=\"" + num(x(p.x)) + "\" cy=\"" + num(y(p.y)) + "\" r=\"" + num(radius) +
           "\" fill=\"" + fill + "\" class=\"bubble\"><title>" +
           html_escape(p.label + ": " + num(p.x) + "%, " + num(p.y)) + "</title></circle>\n";
    svg += text(x(p.x), y(p.y) - radius - 3, p.label, "middle", "label small");
  }
  return svg + "</svg>\n";
}

std::string stacked_columns(const std::vector<StackedColumn>& columns, const std::string& title,
                            const std::string (&band_labels)[3]) {
  const double left = 48, right = 700, top = 16, bottom = 260;
  std::string svg = open_svg(720, 320, title, "stacked");
  const Scale y{0, 100, bottom, top};
  svg += value_axis(y, left, right, 25);
  const double slot = columns.empty() ? 0 : (right - left) / static_cast<double>(columns.size());
  const char* fills[] = {kPositive, kNeutral, kNegative};
  const std::size_t label_every = std::max<std::size_t>(1, columns.size() / 12);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& c = columns[i];
    const double total = c.promoters + c.passives + c.detractors;
    if (total <= 0) continue;
    const double shares[] = {100 * c.promoters / total, 100 * c.passives / total,
                             100 * c.detractors / total};
    double base = 0;
    const double x = left + slot * static_cast<double>(i) + slot * 0.15;
    for (int b = 0; b < 3; ++b) {
      svg += rect(x, y(base + shares[b]), slot * 0.7, y(base) - y(base + shares[b]), fills[b],
                  c.label + " " + band_labels[b] + ": " + num(shares[b]) + "%");
      base += shares[b];
    }
    if (i % label_every == 0) svg += text(x + slot * 0.35, bottom + 18, c.label);
  }
  for (int b = 0; b < 3; ++b) {
    svg += rect(left + 160.0 * b, 296, 12, 12, fills[b], band_labels[b]);
    svg += text(left + 160.0 * b + 18, 306, band_labels[b], "start");
  }
  return svg + "</svg>\n";
}

}  // namespace ascolto
