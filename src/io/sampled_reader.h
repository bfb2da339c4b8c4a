// A reader that has read the first rows of its input ahead, so the columns can be recognised by
// their values before any row is mapped (infer_columns), then hands every row on unchanged and
// in order. The sample is bounded (rows and bytes), so memory stays flat.
// It also recognises SurveyMonkey's second header row ("Response", "Open-Ended Response" and
// the options of multiple-choice questions under each question): the row is not data, the
// question texts become the column descriptions, and a column whose header cell is empty (an
// option of the question before it) is named "question - option". Qualtrics' question and
// ImportId rows are recognised the same way in readers that do not know them (.xlsx).
//
//   SampledReader r(open_reader(path, options));
//   auto mapping = infer_columns(r.header(), r.column_descriptions(), r.sample(), cols, path);
//   RawRecord rec; while (r.next(rec)) ...;  // the sampled rows first
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/record.h"

namespace ascolto {

class SampledReader : public RecordReader {
 public:
  static constexpr std::size_t kSampleRows = 500;
  static constexpr std::size_t kSampleBytes = 4 << 20;

  explicit SampledReader(std::unique_ptr<RecordReader> inner, std::size_t max_rows = kSampleRows,
                         std::size_t max_bytes = kSampleBytes);

  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return inner_->input_hash(); }
  std::vector<std::string> column_descriptions() const override { return descriptions_; }

  // The first rows of the input, as next() will return them; read it before calling next().
  const std::vector<RawRecord>& sample() const { return sample_; }
  // Whether a SurveyMonkey sub-header row was recognised (and not returned as data).
  bool had_subheader() const { return subheader_; }

 private:
  void recognise_subheader();

  std::unique_ptr<RecordReader> inner_;
  std::vector<std::string> header_;
  std::vector<std::string> descriptions_;
  std::vector<RawRecord> sample_;
  std::size_t next_sampled_ = 0;
  bool subheader_ = false;
  bool qualtrics_ = false;
  std::size_t skipped_ = 0;  // header rows taken out of the data (row numbers shift by them)
};

}  // namespace ascolto
