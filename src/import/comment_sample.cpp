#include "import/comment_sample.h"

#include <memory>
#include <variant>

#include "common/error.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"

namespace ascolto {

std::vector<std::string> sample_comments(const std::vector<std::string>& files,
                                         const ReaderOptions& reader, const ColumnOptions& columns,
                                         std::size_t limit, std::size_t stdin_bytes) {
  std::vector<std::string> sample;
  bool stdin_sampled = false;
  for (const std::string& file : files) {
    if (sample.size() >= limit) break;
    PeekableInput* peeked = nullptr;
    if (file == "-") {
      // Read once only: the import gets what the sample took, then the rest.
      if (!reader.standard_input || stdin_sampled) continue;
      stdin_sampled = true;
      peeked = reader.standard_input.get();
      peeked->peek(stdin_bytes);
    }
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
    if (peeked) peeked->replay();
  }
  return sample;
}

}  // namespace ascolto
