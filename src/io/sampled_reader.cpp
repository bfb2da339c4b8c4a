#include "io/sampled_reader.h"

#include "io/csv_reader.h"

#include <algorithm>

namespace ascolto {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool is_response_label(const std::string& cell) {
  const std::string t = trimmed(cell);
  return t == "Response" || t == "Open-Ended Response" || t == "Risposta" ||
         t == "Risposta aperta" || t == "Other (please specify)";
}

}  // namespace

SampledReader::SampledReader(std::unique_ptr<RecordReader> inner, std::size_t max_rows,
                             std::size_t max_bytes)
    : inner_(std::move(inner)),
      header_(inner_->header()),
      descriptions_(inner_->column_descriptions()) {
  std::size_t bytes = 0;
  RawRecord rec;
  while (sample_.size() < max_rows && bytes < max_bytes && inner_->next(rec)) {
    bytes += rec.raw.size();
    sample_.push_back(std::move(rec));
    rec = RawRecord();
  }
  recognise_subheader();
}

// SurveyMonkey writes the questions as the header and, in the row under it, "Response" or
// "Open-Ended Response" under single answers and the option labels under multiple-choice
// questions (whose other header cells are empty); its own columns (Respondent ID, dates) have
// an empty cell there. Data rows never hold those labels under a question with a header.
void SampledReader::recognise_subheader() {
  if (sample_.empty() || sample_[0].error || sample_[0].fields.size() != header_.size() ||
      !descriptions_.empty())
    return;
  // Qualtrics' question row and ImportId row, in a reader that does not know them (.xlsx).
  // Only right under the header, and only when every cell of the second row is an ImportId.
  if (sample_.size() >= 2 && !sample_[1].error && sample_[0].row_number <= 1 &&
      sample_[1].fields.size() == header_.size() &&
      std::all_of(sample_[1].fields.begin(), sample_[1].fields.end(), is_import_id)) {
    descriptions_ = sample_[0].fields;
    sample_.erase(sample_.begin(), sample_.begin() + 2);
    for (RawRecord& r : sample_) r.row_number -= 2;
    skipped_ = 2;
    qualtrics_ = true;
    return;
  }
  const auto& sub = sample_[0].fields;
  const bool labelled = std::any_of(sub.begin(), sub.end(), is_response_label);
  const bool first_empty = !sub.empty() && trimmed(sub[0]).empty();
  if (!labelled || !first_empty) return;
  subheader_ = true;
  skipped_ = 1;
  descriptions_ = header_;
  std::string question;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const std::string h = trimmed(header_[i]);
    const std::string s = trimmed(sub[i]);
    if (!h.empty()) question = h;
    descriptions_[i] = question;
    if (h.empty() && !question.empty() && !s.empty()) {
      header_[i] = question + " - " + s;
    } else if (!h.empty() && !s.empty() && !is_response_label(s)) {
      header_[i] = h + " - " + s;  // the first option of a multiple-choice question
    }
  }
  // Data rows are numbered from the row after the sub-header.
  sample_.erase(sample_.begin());
  for (RawRecord& r : sample_) --r.row_number;
}

bool SampledReader::next(RawRecord& rec) {
  if (next_sampled_ < sample_.size()) {
    rec = std::move(sample_[next_sampled_++]);
    return true;
  }
  if (!sample_.empty()) {  // replayed: the memory goes back
    sample_.clear();
    sample_.shrink_to_fit();
    next_sampled_ = 0;
  }
  if (!inner_->next(rec)) return false;
  rec.row_number -= skipped_;
  return true;
}

std::string SampledReader::describe() const {
  return inner_->describe() + (subheader_   ? ", SurveyMonkey sub-header row"
                               : qualtrics_ ? ", Qualtrics header rows"
                                            : "");
}

}  // namespace ascolto
