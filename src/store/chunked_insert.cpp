#include "store/chunked_insert.h"

namespace ascolto {

ChunkedInsert::ChunkedInsert(SQLite::Database& db, std::string head, std::size_t columns)
    : db_(db), head_(std::move(head)), columns_(columns) {
  values_.reserve(kChunk * columns_);
}

void ChunkedInsert::add(std::initializer_list<Value> row) {
  values_.insert(values_.end(), row);
  if (values_.size() >= kChunk * columns_) flush();
}

void ChunkedInsert::flush() {
  const std::size_t rows = values_.size() / columns_;
  if (rows == 0) return;
  SQLite::Statement& st = statement(rows);
  int index = 1;
  for (const Value& v : values_) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      st.bind(index, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      st.bind(index, *d);
    } else if (const auto* s = std::get_if<const std::string*>(&v)) {
      st.bindNoCopy(index, **s);
    } else {
      st.bindNoCopy(index, std::get<const char*>(v));
    }
    ++index;
  }
  values_.clear();
  try {
    st.exec();
  } catch (...) {
    st.tryReset();  // usable again after a refused row
    throw;
  }
  st.reset();
}

SQLite::Statement& ChunkedInsert::statement(std::size_t rows) {
  std::unique_ptr<SQLite::Statement>& st = statements_[rows];
  if (!st) {
    std::string tuple = "(";
    for (std::size_t c = 0; c < columns_; ++c) tuple += c == 0 ? "?" : ", ?";
    tuple += ")";
    std::string sql = head_;
    for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ", ") + tuple;
    st = std::make_unique<SQLite::Statement>(db_, sql);
  }
  return *st;
}

}  // namespace ascolto
