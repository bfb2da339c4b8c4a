// Numbers as the report prints them. round_to rounds exactly as SQLite's round() does (half
// away from zero on the long-double value), so a figure printed by `ascolto report` equals the
// same figure read from a view.
//
//   round_to(1.45, 1) == 1.4;  signed_fixed(3.25, 1) == "+3.3"
#pragma once

#include <string>

namespace ascolto {

double round_to(double value, int decimals);
std::string fixed(double value, int decimals);         // "3.3", "-2.0"
std::string signed_fixed(double value, int decimals);  // "+3.3", "-2.0", "0.0"

// Whether an interval is symmetric around its point (to 1e-6 points; the views apply the same
// rule). Asymmetric intervals (adjusted Wald for small groups, clamped at ±100) are printed
// "lo … hi", never "±margin".
bool interval_symmetric(double value, double low, double high);
// "±9.1" when symmetric, else "-39.4 … +79.4".
std::string interval_text(double value, double low, double high, double margin);

}  // namespace ascolto
