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

}  // namespace ascolto
