#include "import/comment_sample.h"

#include <memory>
#include <variant>

#include "common/error.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"

namespace ascolto {

std::vector<std::string> sample_comments(const std::vector<std::string>& files,
                                         const ReaderOptions& reader, const ColumnOptions& columns,
                                         std::size_t limit) {
  std::vector<std::string> sample;
  for (const std::string& file : files) {
    if (sample.size() >= limit) break;
    if (file == "-") continue;
    try {
      SampledReader in(open_reader(file, reader));
      RowMapper mapper(in, columns, file);
      RawRecord rec;
      while (sample.size() < limit && in.next(rec)) {
        auto mapped = mapper.map(rec);
        if (auto* row = std::get_if<InputRow>(&mapped); row && !row->text.empty()) {
          sample.push_back(std::move(row->text));
        }
      }
    } catch (const InputError&) {
      // The import itself opens the file again and reports the problem with its position.
    }
  }
  return sample;
}

}  // namespace ascolto
