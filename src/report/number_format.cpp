#include "report/number_format.h"

#include <cmath>
#include <cstdio>

namespace ascolto {

double round_to(double value, int decimals) {
  // SQLite's round() prints "%.*f" with its own formatter: it adds 0.5 * 0.1^decimals (0.1 the
  // double constant) plus a 3e-16 relative nudge, so 0.0125 stored as 0.01249999... rounds up,
  // to the magnitude in long double, and truncates. Do the same, or the report and the views
  // would disagree on such values.
  const long double magnitude = std::fabs(static_cast<long double>(value));
  long double rounder = 0.5L;
  for (int i = 0; i < decimals; ++i) rounder *= 0.1;
  int binary_exponent = 0;
  std::frexp(std::fabs(value), &binary_exponent);
  if (decimals + (binary_exponent - 1) / 3 < 15) rounder += magnitude * 3e-16;
  const long double scale = std::pow(10.0L, decimals);
  const double rounded = static_cast<double>(std::floor((magnitude + rounder) * scale) / scale);
  return value < 0 ? -rounded : rounded;
}

std::string fixed(double value, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, round_to(value, decimals) + 0.0);
  return buf;
}

std::string signed_fixed(double value, int decimals) {
  const double r = round_to(value, decimals);
  char buf[48];
  std::snprintf(buf, sizeof buf, r == 0 ? "%.*f" : "%+.*f", decimals, r + 0.0);
  return buf;
}

bool interval_symmetric(double value, double low, double high) {
  return std::fabs((high - value) - (value - low)) < 1e-6;
}

std::string interval_text(double value, double low, double high, double margin) {
  if (interval_symmetric(value, low, high)) return "±" + fixed(margin, 1);
  return signed_fixed(low, 1) + " … " + signed_fixed(high, 1);
}

}  // namespace ascolto
