// Web survey tools and pipelines often export comments with HTML escapes ("Fast &amp; friendly",
// "&lt;3"): decoding them before analysis lets "&" read as a word joiner instead of a clause
// break and "&lt;3" as the heart it is. Only what such exports produce is decoded: the five XML
// entities, &nbsp; and numeric references, also when escaped twice ("&amp;#39;").
//
//   decode_html_entities("Fast &amp; friendly &lt;3") == "Fast & friendly <3"
#pragma once

#include <string>
#include <string_view>

namespace ascolto {

// `text` with its HTML entities decoded; anything that is not a known entity stays as it is.
std::string decode_html_entities(std::string_view text);

}  // namespace ascolto
