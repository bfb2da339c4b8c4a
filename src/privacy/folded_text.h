// A comment as the redaction rules read it, with a map back to the bytes it came from. Personal
// data is often written in ways the rules' ASCII patterns would not see: a zero-width space or a
// soft hyphen inside an address, a no-break space between digit groups, full-width or other
// script digits, an en dash as separator, HTML-escaped characters in a raw record
// ("mario&#64;example.com", "&commat;"), or a deliberately spelled-out address
// ("mario [at] example [dot] com", "(chiocciola)", "(punto)"). The folded text has
//   - default-ignorable characters (U+200B..U+200F, U+00AD, U+2060, U+FEFF...) removed;
//   - every Unicode space separator (U+00A0, U+202F, U+3000...) as ' ';
//   - every decimal digit (full-width, Arabic-Indic...) as its ASCII digit;
//   - full-width ASCII (U+FF01..U+FF5E: '＠', '＋', letters) as ASCII, dashes as '-';
//   - numeric character references, &commat; &period; &plus; &nbsp; &lpar; &rpar; &hyphen;,
//     also escaped twice ("&amp;#64;"), as their character, folded as above;
//   - "[at]", "(at)", "{at}", "(chiocciola)" as '@' and "[dot]", "(dot)", "(punto)" as '.', in
//     any case, with the spaces around them dropped. A plain " at " / " dot " is left alone:
//     in English prose it is far more often a word than an address.
// Anything else, letters with accents included, is kept byte for byte. The folded text is only
// read, never stored: what is not personal data stays as the writer typed it.
//
//   const FoldedText folded(text);
//   // match in folded.view(); a match [b, e) there is [folded.source_begin(b),
//   // folded.source_end(e)) in `text`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ascolto {

class FoldedText {
 public:
  // `source` must outlive this object.
  explicit FoldedText(std::string_view source);

  // The folded text; `source` itself when nothing needed folding (the common case).
  std::string_view view() const { return changed() ? std::string_view(text_) : source_; }
  bool changed() const { return !origin_.empty(); }

  // The source byte offset where folded byte `i` (0 <= i <= view().size()) came from. For
  // i == view().size() it is source.size(). Characters dropped between two folded bytes belong
  // to the range that ends at the second one.
  std::size_t source_offset(std::size_t i) const { return changed() ? origin_[i] : i; }

 private:
  void start_copy(std::size_t upto);
  void emit_source(std::size_t from, std::size_t length);
  void emit_folded(std::string_view bytes, std::size_t from);
  void emit_code_point(char32_t c, std::size_t from);
  void drop_trailing_spaces();

  std::string_view source_;
  std::string text_;
  std::vector<std::size_t> origin_;  // one per byte of text_, plus the end; empty: no change
};

}  // namespace ascolto
