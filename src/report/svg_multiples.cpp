#include "report/svg_multiples.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/svg_charts.h"

namespace ascolto {
namespace {

std::string coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string label(double x, double y, const std::string& s, const char* anchor) {
  return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" + anchor +
         "\" class=\"label small\">" + html_escape(s) + "</text>\n";
}

constexpr double kPanelWidth = 230, kHeight = 112, kTop = 38, kBottom = 92, kLeft = 34;

std::string panel(const MultiplePanel& p, const std::vector<std::string>& periods, double at) {
  const double left = at + kLeft, right = at + kPanelWidth - 8;
  const auto y = [&](double v) {
    return kBottom - (v - p.low) / (p.high - p.low) * (kBottom - kTop);
  };
  const auto x = [&](std::size_t i) {
    return periods.size() > 1 ? left + (right - left) * static_cast<double>(i) /
                                           static_cast<double>(periods.size() - 1)
                              : (left + right) / 2;
  };
  std::string svg = label(left, 30, p.title, "start");
  for (const double v : {p.low, p.high}) {
    svg += "<line x1=\"" + coord(left) + "\" y1=\"" + coord(y(v)) + "\" x2=\"" + coord(right) +
           "\" y2=\"" + coord(y(v)) + "\" class=\"grid\"/>\n" +
           label(left - 4, y(v) + 3, coord(v).substr(0, coord(v).size() - 2), "end");
  }
  // Zero gets its own line, and a label where it does not collide with the bounds'.
  if (p.low < 0 && p.high > 0) {
    svg += "<line x1=\"" + coord(left) + "\" y1=\"" + coord(y(0)) + "\" x2=\"" + coord(right) +
           "\" y2=\"" + coord(y(0)) + "\" class=\"axis zero\"/>\n" +
           (std::min(y(0) - y(p.high), y(p.low) - y(0)) > 14 ? label(left - 4, y(0) + 3, "0", "end")
                                                             : std::string());
  }
  // The line breaks where a period has no value.
  std::string path;
  bool drawing = false;
  for (std::size_t i = 0; i < p.points.size() && i < periods.size(); ++i) {
    if (!p.points[i].value) {
      drawing = false;
      continue;
    }
    path += (drawing ? " L" : " M") + coord(x(i)) + " " + coord(y(*p.points[i].value));
    drawing = true;
  }
  if (!path.empty()) svg += "<path class=\"multiple-line\" d=\"" + path.substr(1) + "\"/>\n";
  for (std::size_t i = 0; i < p.points.size() && i < periods.size(); ++i) {
    const MultiplePoint& m = p.points[i];
    if (!m.value) continue;
    svg += "<circle cx=\"" + coord(x(i)) + "\" cy=\"" + coord(y(*m.value)) +
           "\" r=\"2.6\" class=\"" + (m.flagged ? "point flagged" : "point") + "\"><title>" +
           html_escape(periods[i] + ": " + coord(*m.value) + (m.flagged ? " *" : "")) +
           "</title></circle>\n";
  }
  if (!periods.empty()) {
    svg += label(left, kBottom + 14, periods.front(), "start");
    if (periods.size() > 1) svg += label(right, kBottom + 14, periods.back(), "end");
  }
  return svg;
}

}  // namespace

std::pair<double, double> shared_range(const std::vector<MultiplePoint>& points, double step) {
  double lo = 0, hi = 0;
  for (const MultiplePoint& p : points) {
    if (!p.value) continue;
    lo = std::min(lo, *p.value);
    hi = std::max(hi, *p.value);
  }
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  if (hi - lo < step) hi = lo + step;
  return {lo, hi};
}

std::string small_multiple(const std::string& title, const std::vector<std::string>& periods,
                           const std::vector<MultiplePanel>& panels) {
  const double width = kPanelWidth * static_cast<double>(std::max<std::size_t>(panels.size(), 1));
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart multiple\" viewBox=\"0 0 " +
      coord(width) + " " + coord(kHeight) + "\" role=\"img\"><title>" + html_escape(title) +
      "</title>\n<text x=\"4\" y=\"14\" class=\"label heading\">" + html_escape(title) +
      "</text>\n";
  for (std::size_t i = 0; i < panels.size(); ++i)
    svg += panel(panels[i], periods, kPanelWidth * static_cast<double>(i));
  return svg + "</svg>\n";
}

}  // namespace ascolto
